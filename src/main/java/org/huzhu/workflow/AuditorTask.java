package org.huzhu.workflow;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A row of an auditor's task list: the task and what the auditor decides on. */
public record AuditorTask(String taskId, long claimId, String name, String stage, OffsetDateTime created,
                          OffsetDateTime due, boolean urgent, String assignee, String agencyCode, String scheme,
                          String memberName, String memberIdNumberMasked, BigDecimal eligibleAmount,
                          BigDecimal subsidy) {
}
