package org.huzhu.claim.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

import org.huzhu.claim.ClaimSearch;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.platform.Given;
import org.huzhu.platform.Problems;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The claims list's filter as typed into the form or the query string, each value as sent, and
 * what it means once checked. One class for the page, its files and the API, so they all read
 * a filter the same way.
 */
record ClaimList(String status, String scheme, String agency, String from, String to, String who, String member,
                 String page) {

    static final int PAGE_SIZE = 50;
    private static final int LONGEST_SPAN_DAYS = 3 * 366;

    ClaimList {
        status = Given.text(status);
        scheme = Given.text(scheme);
        agency = Given.text(agency);
        from = Given.text(from);
        to = Given.text(to);
        who = Given.text(who);
        member = Given.text(member);
        page = Given.text(page);
    }

    /** The page asked for, from 0; a page that is no number counts as the first (and is refused by {@link #checked}). */
    public int pageNumber() {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The filter, checked: problems at their fields (a wrong status, an unknown scheme, dates) and nothing found. */
    ClaimSearch.Filter checked(Map<String, String> schemes) {
        Problems problems = new Problems();
        ClaimStatus statusAsked = null;
        if (status != null) {
            statusAsked = Arrays.stream(ClaimStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
            if (statusAsked == null) {
                problems.add("status", "INVALID_VALUE", "没有这个状态：" + status);
            }
        }
        if (scheme != null && !schemes.containsKey(scheme)) {
            problems.add("scheme", "UNKNOWN_SCHEME", "没有这个保障项目：" + scheme);
        }
        LocalDate fromDay = day("from", from, problems);
        LocalDate toDay = day("to", to, problems);
        if (fromDay != null && toDay != null) {
            if (toDay.isBefore(fromDay)) {
                problems.add("to", "BEFORE_FROM", "截止日期不能早于起始日期");
            } else if (fromDay.plusDays(LONGEST_SPAN_DAYS).isBefore(toDay)) {
                problems.add("to", "RANGE_TOO_LONG", "一次最多查询三年");
            }
        }
        if (agency != null && agency.length() > 32) {
            problems.add("agency", "TOO_LONG", "代办点编号最多32个字符");
        }
        if (who != null && who.length() > 50) {
            problems.add("who", "TOO_LONG", "最多50个字");
        } else if (who != null && ResidentIdNumber.parse(who).isPresent()) {
            // an ID number would stand in the address, the browser's history and logs
            problems.add("who", "ID_NUMBER_NOT_HERE", "按身份证号请在“查找参保人”中查找，再从参保人页面查看其申请");
        }
        Long memberAsked = null;
        if (member != null) {
            try {
                memberAsked = Long.parseLong(member);
            } catch (NumberFormatException e) {
                problems.add("member", "INVALID_FORMAT", "参保人编号应为数字");
            }
        }
        if (page != null && !page.matches("\\d{1,6}")) {
            problems.add("page", "INVALID_VALUE", "页码有误");
        }
        problems.throwIfAny();
        return new ClaimSearch.Filter(statusAsked, scheme, agency, fromDay, toDay, who, memberAsked);
    }

    /** The filter in words, for the audit entry of a download. */
    String described() {
        StringBuilder words = new StringBuilder();
        append(words, "状态", status);
        append(words, "项目", scheme);
        append(words, "代办点", agency);
        append(words, "起", from);
        append(words, "止", to);
        // a member's name stays out of the audit text; that one was asked for does not
        append(words, "申请或姓名", who == null ? null : "（已指定）");
        append(words, "参保人编号", member);
        return words.toString();
    }

    public String linkTo(int other) {
        return withFilter("/claims").queryParam("page", other).encode().toUriString();
    }

    /** The whole list with this filter as a file: {@code xlsx} or {@code csv}. */
    public String download(String format) {
        return withFilter("/claims/export/" + format).encode().toUriString();
    }

    private UriComponentsBuilder withFilter(String path) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        Map.of("status", status == null ? "" : status, "scheme", scheme == null ? "" : scheme,
                        "agency", agency == null ? "" : agency, "from", from == null ? "" : from, "to", to == null ? "" : to,
                        "who", who == null ? "" : who, "member", member == null ? "" : member).entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey()).forEach(e -> link.queryParam(e.getKey(), e.getValue()));
        return link;
    }

    private static void append(StringBuilder words, String name, String value) {
        if (value != null) {
            words.append(words.isEmpty() ? "" : "，").append(name).append(" ").append(value);
        }
    }

    private static LocalDate day(String field, String value, Problems problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(field, "INVALID_FORMAT", "日期格式应为 2026-01-31");
            return null;
        }
    }
}
