package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.huzhu.scheme.Expenses;

/**
 * A claim as handed in at the counter, before it is checked. An expense claim needs the
 * treatment's dates, figures and invoices; a lump-sum claim needs the ICD-10 diagnosis code
 * and the day of diagnosis, and may leave the others out. {@code documents} are the papers whose
 * originals the clerk saw at the counter, for {@code documentsReason} (by default
 * {@link #SEEN_AT_COUNTER}); files of papers come beside a submission ({@code ClaimPapers}).
 */
public record ClaimSubmission(String memberIdNumber, String scheme, LocalDate admissionDate, LocalDate dischargeDate,
                              String hospital, String diagnosis, ExpenseFigures expenses, List<InvoiceInput> invoices,
                              List<String> documents, BankAccountInput bankAccount, String diagnosisCode,
                              LocalDate diagnosisDate, String documentsReason) {

    /** Why papers count as handed in without a file, when the clerk gives no reason of their own. */
    public static final String SEEN_AT_COUNTER = "原件已在柜台查验";

    /** The clerk's reason, or the default one. */
    static String reasonOr(String given) {
        return given == null || given.isBlank() ? SEEN_AT_COUNTER : given.strip();
    }

    public record ExpenseFigures(BigDecimal total, BigDecimal policyScope, BigDecimal fundPaid,
                                 BigDecimal criticalIllnessPaid, BigDecimal medicalAssistancePaid) {

        public Expenses toExpenses() {
            return new Expenses(total, policyScope, fundPaid, criticalIllnessPaid, medicalAssistancePaid);
        }
    }

    public record InvoiceInput(String code, String number) {
    }

    public record BankAccountInput(String bankName, String accountNumber, String accountName) {
    }
}
