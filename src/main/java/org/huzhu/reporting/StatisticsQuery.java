package org.huzhu.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;

import org.huzhu.platform.Beijing;

/**
 * What a statistics view counts: one scheme, a period of whole months (a scheme year or any
 * months), optionally one organiser or agency, and the amount from which a payout counts as a
 * large subsidy.
 *
 * @param schemeYear the scheme year asked for (its months are January to December); null when months were asked for
 * @param organiser  organiser code, or null for all
 * @param agency     agency code, or null for all
 */
public record StatisticsQuery(String scheme, YearMonth from, YearMonth to, Integer schemeYear, String organiser,
                              String agency, BigDecimal largePayout) {

    /** The first day of the period. */
    public LocalDate firstDay() {
        return from.atDay(1);
    }

    /** The last day of the period, included. */
    public LocalDate lastDay() {
        return to.atEndOfMonth();
    }

    /** Days in the period. */
    public long days() {
        return lastDay().toEpochDay() - firstDay().toEpochDay() + 1;
    }

    /** The period's start in Beijing time. */
    Timestamp start() {
        return Timestamp.from(firstDay().atStartOfDay(Beijing.ZONE).toInstant());
    }

    /** The moment after the period (Beijing time), excluded. */
    Timestamp end() {
        return Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(Beijing.ZONE).toInstant());
    }

    /** The period as people read it: 2026年度, 2026年3月 or 2026年1月至2026年6月. */
    public String periodLabel() {
        if (schemeYear != null) {
            return schemeYear + "年度";
        }
        return from.equals(to) ? label(from) : label(from) + "至" + label(to);
    }

    static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }
}
