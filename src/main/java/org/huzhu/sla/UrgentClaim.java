package org.huzhu.sla;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.huzhu.claim.SlaState;
import org.huzhu.claim.SlaStatus;

/**
 * A claim at risk or past its deadline, as supervisors see it: who it is for, where it is
 * stuck and with whom, and which stages used more than their budget.
 *
 * @param holderUser  the user who took the task, if anyone
 * @param holderGroup the group the task is offered to (none while the payout runs)
 */
public record UrgentClaim(long claimId, String processInstanceId, String memberName, String memberIdNumberMasked,
                          String agencyCode, String agencyName, SlaStage stage, String stageLabel,
                          OffsetDateTime stageSince, String holderUser, String holderGroup, LocalDate dueDate,
                          SlaState state, int workingDaysLeft, int workingDaysOverdue, boolean escalated,
                          List<SlaStatus.StageTime> stages) {
}
