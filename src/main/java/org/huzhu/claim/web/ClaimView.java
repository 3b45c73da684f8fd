package org.huzhu.claim.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.huzhu.claim.ClaimPayments;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.RejectionCategory;
import org.huzhu.claim.SlaState;
import org.huzhu.claim.SlaStatus;
import org.huzhu.scheme.SubsidyCalculation;

/**
 * A claim as its detail page shows it. ID and account numbers are masked. A lump-sum claim
 * may have no stay and no expenses (null). The sla* fields are the payment deadline: due
 * date, working days left or overdue, state, and each stage's time. {@code payments} are the
 * claim's payment instructions, one per attempt, with their state and funders' shares.
 * {@code openSteps} names the steps where people work on it now (e.g. 协会负责人审批).
 * {@code rejectionCategory} is the auditor's when an auditor rejected it.
 */
record ClaimView(long id, ClaimStatus status, String scheme, String agencyCode, MemberView member,
                 LocalDate admissionDate, LocalDate dischargeDate, String hospital, String diagnosis,
                 String diagnosisCode, LocalDate diagnosisDate, ExpensesView expenses, List<InvoiceView> invoices, List<String> documents,
                 List<String> missingDocuments, BankAccountView bankAccount, BigDecimal eligibleAmount,
                 BigDecimal subsidy, BreakdownView breakdown, String rejectionReason,
                 RejectionCategory rejectionCategory, OffsetDateTime submittedAt,
                 OffsetDateTime materialsCompleteAt, OffsetDateTime paidAt, List<HistoryView> history,
                 LocalDate slaDueDate, SlaState slaState, Integer slaWorkingDaysLeft, Integer slaWorkingDaysOverdue,
                 boolean urgent, List<SlaStatus.StageTime> slaStages,
                 List<ClaimPayments.Line> payments, List<String> openSteps) {

    record MemberView(String name, String idNumberMasked) {
    }

    record ExpensesView(BigDecimal total, BigDecimal policyScope, BigDecimal fundPaid,
                        BigDecimal criticalIllnessPaid, BigDecimal medicalAssistancePaid) {
    }

    record InvoiceView(String code, String number) {
    }

    record BankAccountView(String bankName, String accountNumberMasked, String accountName, boolean luhnWarning) {
    }

    /** The calculation the claim was (or will be) paid on, with the rule set version. */
    record BreakdownView(long ruleSetId, int ruleSetVersion, int schemeYear, SubsidyCalculation calculation) {
    }

    record HistoryView(String step, String actor, OffsetDateTime time, String decision, String reason) {
    }
}
