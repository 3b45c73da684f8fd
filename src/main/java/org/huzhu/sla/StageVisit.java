package org.huzhu.sla;

import java.time.Instant;

/** One stay of a claim in a stage; a returned claim visits the agency check again. */
public record StageVisit(long claimId, SlaStage stage, Instant enteredAt, Instant leftAt) {

    /** Working days the stay used, counted like the deadline; an open stay counts up to now. */
    int workingDaysUsed(WorkingDayCalendar calendar, Instant now) {
        return calendar.workingDaysBetween(WorkingDayCalendar.dayOf(enteredAt),
                WorkingDayCalendar.dayOf(leftAt == null ? now : leftAt));
    }
}
