package org.huzhu.sla;

import java.time.Instant;
import java.time.LocalDate;

import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.SlaState;

/**
 * A claim's payment clock: started when materials were complete, due at the end of the Nth
 * working day after that day, stopped by payment (or rejection).
 *
 * @param stageDueAt when the current stage overruns its budget
 * @param outcome    PAID or REJECTED once stopped
 */
public record ClaimClock(long claimId, long agencyId, int workingDays, Instant startedAt,
                         LocalDate dueDate, Instant dueAt, Instant atRiskAt, SlaStage stage, Instant stageSince,
                         Instant stageDueAt, String holderUser, String holderGroup, Instant stoppedAt,
                         ClaimStatus outcome, Integer workingDaysToPay, Boolean paidInTime) {

    public boolean running() {
        return stoppedAt == null;
    }

    public LocalDate startDay() {
        return WorkingDayCalendar.dayOf(startedAt);
    }

    public SlaState state(Instant now) {
        if (outcome == ClaimStatus.PAID) {
            return paidInTime ? SlaState.MET : SlaState.BREACHED;
        }
        if (outcome == ClaimStatus.REJECTED) {
            return SlaState.CLOSED;
        }
        if (!now.isBefore(dueAt)) {
            return SlaState.BREACHED;
        }
        return now.isBefore(atRiskAt) ? SlaState.ON_TRACK : SlaState.AT_RISK;
    }
}
