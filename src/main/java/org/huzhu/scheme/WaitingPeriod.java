package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.huzhu.platform.Proportion;

/**
 * The wait after a member first joins: nothing is paid for events in the first
 * {@code noCoverDays} days of cover, then {@code reducedRate} of the subsidy for
 * {@code reducedDays} more. Days count from the start of the member's continuous cover,
 * so a renewal without a gap waits for nothing.
 */
public record WaitingPeriod(Integer noCoverDays, Integer reducedDays, @Proportion BigDecimal reducedRate) {

    public WaitingPeriod {
        noCoverDays = noCoverDays == null ? 0 : noCoverDays;
        reducedDays = reducedDays == null ? 0 : reducedDays;
    }

    /**
     * The share of the subsidy paid for an event on the day, day 1 being the first day of
     * cover. Without a known start of cover (a quote for nobody in particular) nothing is cut.
     */
    public BigDecimal shareOn(LocalDate coveredSince, LocalDate on) {
        if (coveredSince == null) {
            return BigDecimal.ONE;
        }
        long day = ChronoUnit.DAYS.between(coveredSince, on) + 1;
        if (day <= noCoverDays) {
            return BigDecimal.ZERO;
        }
        if (day <= (long) noCoverDays + reducedDays) {
            return reducedRate;
        }
        return BigDecimal.ONE;
    }
}
