package org.huzhu.member.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huzhu.claim.ClaimSubmission;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.Given;
import org.huzhu.scheme.RuleSets;

/**
 * The online claim form as typed: its inputs are named as the claim's fields ({@code expenses.total},
 * {@code bankAccount.accountNumber}), so every problem the checks find lands at its input.
 */
final class OnlineClaimForm {

    static final List<String> EXPENSE_FIELDS = List.of("expenses.total", "expenses.policyScope", "expenses.fundPaid",
            "expenses.criticalIllnessPaid", "expenses.medicalAssistancePaid");

    private OnlineClaimForm() {
    }

    /** The submission of the signed-in member: their own ID number, whatever the form carried. */
    static ClaimSubmission submission(Member member, Map<String, String> form, FieldErrors errors) {
        String code = Given.text(form.get("invoice.code"));
        String number = Given.text(form.get("invoice.number"));
        List<ClaimSubmission.InvoiceInput> invoices = code == null && number == null ? List.of()
                : List.of(new ClaimSubmission.InvoiceInput(code, number));
        return new ClaimSubmission(member.idNumber(), Given.text(form.get("scheme")),
                errors.date("admissionDate", form.get("admissionDate")),
                errors.date("dischargeDate", form.get("dischargeDate")), form.get("hospital"), form.get("diagnosis"),
                expenses(form, errors), invoices, List.of(),
                new ClaimSubmission.BankAccountInput(form.get("bankAccount.bankName"),
                        digits(form.get("bankAccount.accountNumber")), form.get("bankAccount.accountName")),
                Given.text(form.get("diagnosisCode")), errors.date("diagnosisDate", form.get("diagnosisDate")), null);
    }

    /** The five figures of the expenses; none when all are left blank (a lump sum). */
    static ClaimSubmission.ExpenseFigures expenses(Map<String, String> form, FieldErrors errors) {
        if (EXPENSE_FIELDS.stream().allMatch(field -> Given.text(form.get(field)) == null)) {
            return null;
        }
        BigDecimal[] figures = EXPENSE_FIELDS.stream().map(field -> amount(field, form.get(field), errors))
                .toArray(BigDecimal[]::new);
        return new ClaimSubmission.ExpenseFigures(figures[0], figures[1], figures[2], figures[3], figures[4]);
    }

    private static BigDecimal amount(String field, String typed, FieldErrors errors) {
        String text = Given.text(typed);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add(field, "请填写金额，如 1234.56");
            return null;
        }
    }

    /** The schemes the member is enrolled in, by code: the ones they may claim or ask a quote for. */
    static Map<String, String> schemesOf(Members members, RuleSets ruleSets, Member member) {
        Map<String, String> names = ruleSets.schemeNames();
        Map<String, String> schemes = new LinkedHashMap<>();
        members.enrolments(member.id()).forEach(e -> schemes.put(e.scheme(), names.getOrDefault(e.scheme(), e.scheme())));
        return schemes;
    }

    /** An account number as people type it, in groups of four. */
    private static String digits(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "");
    }
}
