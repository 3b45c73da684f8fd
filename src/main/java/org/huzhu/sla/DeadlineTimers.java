package org.huzhu.sla;

import java.util.List;

/**
 * The process timers and task due dates that follow claims' deadlines. Implemented by the
 * workflow glue, so no engine type enters this module.
 */
public interface DeadlineTimers {

    /** Works out again the at-risk and breach timers and the task due dates of these running clocks. */
    void reschedule(List<ClaimClock> running);
}
