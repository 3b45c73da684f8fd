package org.huzhu.sla.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huzhu.platform.FieldProblem;
import org.huzhu.sla.CalendarDay;
import org.huzhu.sla.CalendarSubmission;

/**
 * A year's days as a process admin types them from the State Council's notice, one line each:
 * {@code 2027-01-01 元旦}, a run of days {@code 2027-02-06 至 2027-02-12 春节}, a make-up working
 * day {@code 2027-02-14 班 春节}. Read into the API's days, each remembering its line, so that
 * the publication's problems ({@code days[3].date}) are told at the line they came from.
 */
final class CalendarText {

    /** How a process admin writes a date: 2027-01-01 (or 2027-1-1). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);
    /** Dates (one, or a run with 至 or ~), an optional 班 or 休, the name. */
    private static final Pattern LINE = Pattern.compile(
            "^(\\S+?)(?:\\s*(?:至|~|～)\\s*(\\S+?))?(?:\\s+(?:(班|休)(?:\\s+|$))?(.*))?$");
    private static final Pattern SPACE = Pattern.compile("[\\s\u3000]+");
    /** The most days one line may give: no holiday is longer, and a mistyped year or month is not hundreds of days. */
    static final int LONGEST_RUN = 31;
    /** A publication's problem of one day: {@code days[3].date}. */
    private static final Pattern DAY = Pattern.compile("^days\\[(\\d+)]");

    /** The days read, the line each came from (numbered from 1), and what could not be read, by line. */
    record Read(List<CalendarSubmission.Day> days, List<Integer> lines, Map<Integer, Set<String>> problems) {

        /** The publication's problems added at their days' lines; problems of the whole text are left out. */
        Read with(List<FieldProblem> found) {
            Map<Integer, Set<String>> all = new LinkedHashMap<>(problems);
            for (FieldProblem problem : found) {
                Matcher at = DAY.matcher(problem.field());
                if (at.find()) {
                    all.computeIfAbsent(lines.get(Integer.parseInt(at.group(1))), line -> new LinkedHashSet<>())
                            .add(problem.message());
                }
            }
            return new Read(days, lines, all);
        }

        /** Each line's problems as the page shows them: 第3行：日期2026-12-31不在2027年内. */
        List<String> messages() {
            return problems.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(line -> "第" + line.getKey() + "行：" + String.join("；", line.getValue())).toList();
        }
    }

    private CalendarText() {
    }

    static Read read(String text) {
        List<CalendarSubmission.Day> days = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Map<Integer, Set<String>> problems = new LinkedHashMap<>();
        String[] typed = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < typed.length; i++) {
            int number = i + 1;
            String line = SPACE.matcher(typed[i]).replaceAll(" ").strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher parts = LINE.matcher(line);
            parts.matches(); // the pattern takes any line that is not blank
            LocalDate first = date(parts.group(1), number, problems);
            LocalDate last = parts.group(2) == null ? first : date(parts.group(2), number, problems);
            if (first == null || last == null) {
                continue;
            }
            if (last.isBefore(first)) {
                problems.computeIfAbsent(number, n -> new LinkedHashSet<>()).add("结束日期" + last + "早于开始日期" + first);
                continue;
            }
            if (first.plusDays(LONGEST_RUN).isBefore(last.plusDays(1))) {
                problems.computeIfAbsent(number, n -> new LinkedHashSet<>()).add("一行最多写" + LONGEST_RUN + "天，请检查结束日期" + last);
                continue;
            }
            boolean offDay = !"班".equals(parts.group(3));
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                days.add(new CalendarSubmission.Day(day, parts.group(4), offDay));
                lines.add(number);
            }
        }
        return new Read(days, lines, problems);
    }

    private static LocalDate date(String typed, int line, Map<Integer, Set<String>> problems) {
        try {
            return LocalDate.parse(typed, DATE);
        } catch (DateTimeParseException e) {
            problems.computeIfAbsent(line, n -> new LinkedHashSet<>()).add("“" + typed + "”不是日期，日期应写作 2027-01-01");
            return null;
        }
    }

    /** The days written back as lines, runs of the same holiday on one line: the text of a correction. */
    static String write(List<CalendarDay> days) {
        List<CalendarDay> sorted = days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            CalendarDay first = sorted.get(i);
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).offDay() == first.offDay() && sorted.get(j).name().equals(first.name())
                    && sorted.get(j).date().equals(sorted.get(j - 1).date().plusDays(1))) {
                j++;
            }
            CalendarDay last = sorted.get(j - 1);
            text.append(first.date());
            if (!last.date().equals(first.date())) {
                text.append(" 至 ").append(last.date());
            }
            text.append(first.offDay() ? " " : " 班 ").append(first.name()).append('\n');
            i = j;
        }
        return text.toString();
    }
}
