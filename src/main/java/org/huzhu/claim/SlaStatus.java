package org.huzhu.claim;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A claim's payment deadline as the claim and the auditors' lists show it. Working days left
 * and overdue are counted to today, or to the day the clock stopped; one of them is 0.
 *
 * @param urgent true once the process has escalated the claim (at risk or breached)
 * @param stages the time each stage used against its budget, in process order
 */
public record SlaStatus(SlaState state, LocalDate dueDate, Integer workingDaysLeft, Integer workingDaysOverdue,
                        boolean urgent, List<StageTime> stages) {

    public static final SlaStatus NOT_STARTED = new SlaStatus(SlaState.NOT_STARTED, null, null, null, false, List.of());

    /** Working days a stage has used (stays added up) against its budget. */
    public record StageTime(String stage, String label, int workingDaysUsed, int budget) {

        @JsonProperty
        public boolean overBudget() {
            return workingDaysUsed > budget;
        }
    }
}
