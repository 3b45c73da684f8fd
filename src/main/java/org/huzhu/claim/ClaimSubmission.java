package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.huzhu.scheme.Expenses;

/**
 * A claim as handed in at the counter, before it is checked. An expense claim needs the
 * treatment's dates, figures and invoices; a lump-sum claim needs the ICD-10 diagnosis code
 * and the day of diagnosis, and may leave the others out.
 */
public record ClaimSubmission(String memberIdNumber, String scheme, LocalDate admissionDate, LocalDate dischargeDate,
                              String hospital, String diagnosis, ExpenseFigures expenses, List<InvoiceInput> invoices,
                              List<String> documents, BankAccountInput bankAccount, String diagnosisCode,
                              LocalDate diagnosisDate) {

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
