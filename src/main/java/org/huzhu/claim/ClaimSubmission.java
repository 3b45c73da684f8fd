package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A claim as handed in at the counter, before it is checked. */
public record ClaimSubmission(String memberIdNumber, String scheme, LocalDate admissionDate, LocalDate dischargeDate,
                              String hospital, String diagnosis, ExpenseFigures expenses, List<InvoiceInput> invoices,
                              List<String> documents, BankAccountInput bankAccount) {

    public record ExpenseFigures(BigDecimal total, BigDecimal policyScope, BigDecimal fundPaid,
                                 BigDecimal criticalIllnessPaid, BigDecimal medicalAssistancePaid) {
    }

    public record InvoiceInput(String code, String number) {
    }

    public record BankAccountInput(String bankName, String accountNumber, String accountName) {
    }
}
