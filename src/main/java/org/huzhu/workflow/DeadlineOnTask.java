package org.huzhu.workflow;

import java.util.Optional;
import java.util.stream.Collectors;

import org.huzhu.sla.ClaimClock;
import org.huzhu.sla.ClaimClocks;
import org.huzhu.sla.WorkingDayCalendars;
import org.springframework.stereotype.Component;

/**
 * The claim's payment deadline on its tasks, as the task-local variable {@value #VARIABLE}, so
 * that Tasklist's task cards can show the working days left as our pages count them (the
 * script {@code app/tasklist/scripts/payment-deadline.js}): the due date and the calendar's
 * working days from the day the clock started up to it, e.g.
 * {@code {"dueDate":"2026-12-15","workingDays":["2026-12-02",...,"2026-12-15"]}}. The browser
 * counts those after today; it needs no calendar of its own. Written when a task is created and
 * again when a calendar change moves the deadline. Like every task-local value it stays out of
 * the engine's history.
 */
@Component
class DeadlineOnTask {

    static final String VARIABLE = "paymentDeadline";

    private final ClaimClocks clocks;
    private final WorkingDayCalendars calendars;

    DeadlineOnTask(ClaimClocks clocks, WorkingDayCalendars calendars) {
        this.clocks = clocks;
        this.calendars = calendars;
    }

    /** Empty while the claim's clock has not started (materials not yet complete). */
    Optional<String> of(long claimId) {
        return clocks.find(claimId).map(this::of);
    }

    String of(ClaimClock clock) {
        // ISO dates need no escaping in JSON
        String days = calendars.current().workingDaysAfter(clock.startDay(), clock.dueDate()).stream()
                .map(day -> "\"" + day + "\"").collect(Collectors.joining(",", "[", "]"));
        return "{\"dueDate\":\"" + clock.dueDate() + "\",\"workingDays\":" + days + "}";
    }
}
