package org.huzhu.sla;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A clock's dates on the calendar in force: the due date, the end of it (the deadline) and
 * the moment the claim becomes at risk (the start of the day with the at-risk working days left).
 */
record Schedule(LocalDate dueDate, Instant dueAt, Instant atRiskAt) {

    static Schedule of(WorkingDayCalendar calendar, Instant startedAt, int workingDays, int atRiskWorkingDays) {
        LocalDate startDay = WorkingDayCalendar.dayOf(startedAt);
        Instant atRisk = calendar.startOfWorkingDay(startDay, Math.max(0, workingDays - atRiskWorkingDays));
        return new Schedule(calendar.addWorkingDays(startDay, workingDays),
                calendar.endOfWorkingDay(startDay, workingDays), atRisk.isBefore(startedAt) ? startedAt : atRisk);
    }
}
