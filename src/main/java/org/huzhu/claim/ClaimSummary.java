package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.huzhu.membership.ResidentIdNumber;

/** What an auditor sees of a claim in a list or on a task, personal data masked. */
public record ClaimSummary(long claimId, String processInstanceId, ClaimStatus status, String scheme,
                           String agencyCode, String memberName, String memberIdNumberMasked,
                           LocalDate admissionDate, LocalDate dischargeDate, String hospital, String diagnosis,
                           BigDecimal expenseTotal, BigDecimal policyScope, BigDecimal eligibleAmount,
                           BigDecimal subsidy) {

    static ClaimSummary masking(long claimId, String processInstanceId, ClaimStatus status, String scheme,
                                String agencyCode, String memberName, String idNumber, LocalDate admissionDate,
                                LocalDate dischargeDate, String hospital, String diagnosis, BigDecimal expenseTotal,
                                BigDecimal policyScope, BigDecimal eligibleAmount, BigDecimal subsidy) {
        return new ClaimSummary(claimId, processInstanceId, status, scheme, agencyCode, memberName,
                ResidentIdNumber.mask(idNumber), admissionDate, dischargeDate, hospital, diagnosis, expenseTotal,
                policyScope, eligibleAmount, subsidy);
    }
}
