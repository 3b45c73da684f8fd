package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What an auditor sees of a claim in a list or on a task, personal data masked. */
public record ClaimSummary(long claimId, String processInstanceId, ClaimStatus status, String scheme,
                           String agencyCode, String memberName, String memberIdNumberMasked,
                           LocalDate admissionDate, LocalDate dischargeDate, String hospital, String diagnosis,
                           BigDecimal expenseTotal, BigDecimal policyScope, BigDecimal eligibleAmount,
                           BigDecimal subsidy) {
}
