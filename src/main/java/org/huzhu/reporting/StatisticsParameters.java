package org.huzhu.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.huzhu.membership.Organisations;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Given;
import org.huzhu.platform.Money;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.RuleSets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The statistics' request parameters as people send them, checked all at once: {@code scheme}
 * (required), either {@code year} (a scheme year: its months January to December) or
 * {@code from}/{@code to} (YYYY-MM, both included, at most 36 months), {@code organiser},
 * {@code agency} and {@code large} (the large-subsidy amount, {@code huzhu.statistics.large-payout}
 * by default). Neither year nor months: this year.
 */
@Component
public class StatisticsParameters {

    static final int MAX_MONTHS = 36;

    private final RuleSets ruleSets;
    private final Organisations organisations;
    private final Clock clock;
    private final BigDecimal defaultLargePayout;

    StatisticsParameters(RuleSets ruleSets, Organisations organisations, Clock clock,
                         @Value("${huzhu.statistics.large-payout:50000.00}") BigDecimal defaultLargePayout) {
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.clock = clock;
        this.defaultLargePayout = defaultLargePayout;
    }

    public BigDecimal defaultLargePayout() {
        return Money.roundToFen(defaultLargePayout);
    }

    /** The query, or an InvalidInputException with every field's problem. */
    public StatisticsQuery read(String scheme, String year, String from, String to, String organiser, String agency,
                                String large) {
        Problems problems = new Problems();
        String schemeCode = Given.text(scheme);
        if (schemeCode == null) {
            problems.add("scheme", "REQUIRED", "请选择互助项目（scheme）");
        } else if (ruleSets.scheme(schemeCode).isEmpty()) {
            problems.add("scheme", "UNKNOWN_SCHEME", "没有这个互助项目：" + schemeCode);
        }
        Integer schemeYear = null;
        YearMonth first = null;
        YearMonth last = null;
        boolean months = Given.text(from) != null || Given.text(to) != null;
        if (Given.text(year) != null && months) {
            problems.add("year", "PERIOD_CONFLICT", "请只选保障年度（year）或起止月份（from、to）之一");
        } else if (months) {
            first = month(from, "from", problems);
            last = month(to, "to", problems);
            if (first != null && last != null) {
                if (first.isAfter(last)) {
                    problems.add("to", "BEFORE_FROM", "结束月份不能早于开始月份");
                } else if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
                    problems.add("to", "RANGE_TOO_LONG", "一次最多统计" + MAX_MONTHS + "个月");
                }
            }
        } else {
            schemeYear = Given.text(year) == null ? Integer.valueOf(LocalDate.now(clock.withZone(Beijing.ZONE)).getYear())
                    : year(year, problems);
            if (schemeYear != null) {
                first = YearMonth.of(schemeYear, 1);
                last = YearMonth.of(schemeYear, 12);
            }
        }
        String organiserCode = Given.text(organiser);
        if (organiserCode != null && organisations.organiser(organiserCode).isEmpty()) {
            problems.add("organiser", "UNKNOWN_ORGANISER", "没有这个主办单位：" + organiserCode);
        }
        String agencyCode = Given.text(agency);
        if (agencyCode != null && organisations.agency(agencyCode).isEmpty()) {
            problems.add("agency", "UNKNOWN_AGENCY", "没有这个代办点：" + agencyCode);
        }
        BigDecimal threshold = defaultLargePayout();
        if (Given.text(large) != null) {
            try {
                threshold = new BigDecimal(large.strip());
                if (threshold.signum() <= 0 || !Money.isFenExact(threshold) || threshold.compareTo(new BigDecimal("1000000000")) >= 0) {
                    problems.add("large", "INVALID_AMOUNT", "大额补助起点应为大于0的金额（元，最多两位小数）");
                }
            } catch (NumberFormatException e) {
                problems.add("large", "INVALID_AMOUNT", "大额补助起点应为大于0的金额（元，最多两位小数）");
            }
        }
        problems.throwIfAny();
        return new StatisticsQuery(schemeCode, first, last, schemeYear, organiserCode, agencyCode,
                Money.roundToFen(threshold));
    }

    private static Integer year(String text, Problems problems) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 2000 && value <= 2099) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        problems.add("year", "INVALID_YEAR", "保障年度应为2000到2099之间的年份，如2026");
        return null;
    }

    private static YearMonth month(String text, String field, Problems problems) {
        if (Given.text(text) == null) {
            problems.add(field, "REQUIRED", "请同时填写开始和结束月份（YYYY-MM）");
            return null;
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() >= 2000 && month.getYear() <= 2099) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        problems.add(field, "INVALID_FORMAT", "月份格式应为 YYYY-MM，如2026-03");
        return null;
    }
}
