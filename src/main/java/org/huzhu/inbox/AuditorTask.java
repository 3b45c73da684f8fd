package org.huzhu.inbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.huzhu.claim.SlaState;
import org.huzhu.claim.SlaStatus;

/**
 * A row of an auditor's task list: the task, what the auditor decides on, and the payment
 * deadline; {@code urgent} once the process has escalated the claim.
 */
public record AuditorTask(String taskId, long claimId, String name, String stage, OffsetDateTime created,
                          OffsetDateTime due, String assignee, String agencyCode, String scheme,
                          String memberName, String memberIdNumberMasked, BigDecimal eligibleAmount,
                          BigDecimal subsidy, boolean urgent, LocalDate slaDueDate, SlaState slaState,
                          Integer slaWorkingDaysLeft) {

    /** The row with the claim's payment deadline; escalated claims are urgent. */
    AuditorTask withDeadline(SlaStatus sla) {
        return new AuditorTask(taskId, claimId, name, stage, created, due, assignee, agencyCode, scheme, memberName,
                memberIdNumberMasked, eligibleAmount, subsidy, urgent || sla.urgent(), sla.dueDate(), sla.state(),
                sla.workingDaysLeft());
    }
}
