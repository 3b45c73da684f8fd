package org.huzhu.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.huzhu.claim.SlaState;

/**
 * A row of an auditor's task list: the task, what the auditor decides on, and the payment
 * deadline; {@code urgent} once the process has escalated the claim.
 */
public record AuditorTask(String taskId, long claimId, String name, String stage, OffsetDateTime created,
                          String assignee, String agencyCode, String scheme, String memberName,
                          String memberIdNumberMasked, BigDecimal eligibleAmount, BigDecimal subsidy,
                          boolean urgent, LocalDate slaDueDate, SlaState slaState, Integer slaWorkingDaysLeft) {
}
