package org.huzhu.claim.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.huzhu.claim.ClaimSubmission;
import org.huzhu.claim.QuoteRequest;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * The counter's claim form as typed: every value a string, so that what was typed comes back
 * as it was, whatever is wrong with it. It reads as a {@link ClaimSubmission}; what cannot be
 * read (a date that is no date, an amount that is no number) is a problem at its field, named
 * as the submission's checks name them ({@code expenses.total}, {@code invoices[2].code}).
 *
 * @param invoiceCodes   the invoice rows as shown, blank rows included
 * @param intakeKey      the form's own key: sent twice, it stands for one claim
 */
record ClaimForm(String memberIdNumber, String scheme, String admissionDate, String dischargeDate, String hospital,
                 String diagnosis, String diagnosisCode, String diagnosisDate, Map<String, String> expenses,
                 List<String> invoiceCodes, List<String> invoiceNumbers, List<String> documents, String bankName,
                 String accountNumber, String accountName, String intakeKey) {

    /** The figures of the expenses by their names in a submission, in the settlement statement's order and words. */
    static final Map<String, String> EXPENSES = expenseLabels();
    /** Rows of invoices a new form shows; one more blank row than filled ones afterwards. */
    static final int INVOICE_ROWS = 3;
    private static final Pattern INVOICE_PROBLEM = Pattern.compile("invoices\\[(\\d+)](.*)");

    static ClaimForm empty(String memberIdNumber) {
        return new ClaimForm(memberIdNumber, null, null, null, null, null, null, null, Map.of(),
                blanks(INVOICE_ROWS), blanks(INVOICE_ROWS), List.of(), null, null, null, UUID.randomUUID().toString());
    }

    static ClaimForm of(MultiValueMap<String, String> fields) {
        Map<String, String> expenses = new LinkedHashMap<>();
        EXPENSES.keySet().forEach(name -> expenses.put(name, fields.getFirst("expenses." + name)));
        return new ClaimForm(fields.getFirst("memberIdNumber"), fields.getFirst("scheme"), fields.getFirst("admissionDate"),
                fields.getFirst("dischargeDate"), fields.getFirst("hospital"), fields.getFirst("diagnosis"),
                fields.getFirst("diagnosisCode"), fields.getFirst("diagnosisDate"), expenses,
                fields.getOrDefault("invoiceCode", List.of()), fields.getOrDefault("invoiceNumber", List.of()),
                fields.getOrDefault("documents", List.of()), fields.getFirst("bankName"), fields.getFirst("accountNumber"),
                fields.getFirst("accountName"), fields.getFirst("intakeKey"));
    }

    /** What was typed, read; problems of reading go into {@code errors}. */
    ClaimSubmission submission(FieldErrors errors) {
        List<ClaimSubmission.InvoiceInput> invoices = new ArrayList<>();
        for (int row : filledRows()) {
            invoices.add(new ClaimSubmission.InvoiceInput(cell(invoiceCodes, row), cell(invoiceNumbers, row)));
        }
        boolean noExpenses = expenses.values().stream().allMatch(ClaimForm::blank);
        ClaimSubmission.ExpenseFigures figures = noExpenses ? null : new ClaimSubmission.ExpenseFigures(
                amount("total", errors), amount("policyScope", errors), amount("fundPaid", errors),
                amount("criticalIllnessPaid", errors), amount("medicalAssistancePaid", errors));
        return new ClaimSubmission(text(memberIdNumber), text(scheme), errors.date("admissionDate", admissionDate),
                errors.date("dischargeDate", dischargeDate), text(hospital), text(diagnosis), figures, invoices,
                documents, new ClaimSubmission.BankAccountInput(text(bankName),
                        accountNumber == null ? null : accountNumber.replaceAll("\\s", ""), text(accountName)),
                text(diagnosisCode), errors.date("diagnosisDate", diagnosisDate), null);
    }

    /** The quote asked for the same claim: the member's own cover and claims count. */
    QuoteRequest quoteRequest(ClaimSubmission submission) {
        return new QuoteRequest(submission.scheme(), null, submission.memberIdNumber(), submission.admissionDate(),
                submission.dischargeDate(), submission.expenses(), submission.diagnosisCode(), submission.diagnosisDate(),
                null, null, null);
    }

    /**
     * The submission's problems at the form's fields: an invoice's problem moves from its place
     * among the filled invoices to its row on the form.
     */
    void addProblems(List<FieldProblem> problems, FieldErrors errors) {
        List<Integer> rows = filledRows();
        errors.addAll(problems, field -> {
            Matcher invoice = INVOICE_PROBLEM.matcher(field);
            if (invoice.matches() && Integer.parseInt(invoice.group(1)) < rows.size()) {
                return "invoices[" + rows.get(Integer.parseInt(invoice.group(1))) + "]" + invoice.group(2);
            }
            return field;
        });
    }

    /**
     * The form as typed, to be shown again: one blank invoice row after the last filled one (at
     * least {@link #INVOICE_ROWS}), and a new key if it had none that is well-formed.
     */
    ClaimForm again() {
        List<Integer> filled = filledRows();
        int rows = Math.max(INVOICE_ROWS, filled.isEmpty() ? 0 : filled.get(filled.size() - 1) + 2);
        return new ClaimForm(memberIdNumber, scheme, admissionDate, dischargeDate, hospital, diagnosis, diagnosisCode,
                diagnosisDate, expenses, padded(invoiceCodes, rows), padded(invoiceNumbers, rows), documents, bankName,
                accountNumber, accountName, key().map(UUID::toString).orElseGet(() -> UUID.randomUUID().toString()));
    }

    /**
     * The form with the invoice in its first empty row (or a new one): the code and number an
     * invoice's QR code says, filled in for the clerk; nothing changes when a row has it already.
     */
    ClaimForm withInvoice(String code, String number) {
        List<String> codes = new ArrayList<>(invoiceCodes);
        List<String> numbers = new ArrayList<>(invoiceNumbers);
        for (int row = 0; row < invoiceRows(); row++) {
            if (number.equals(cell(numbers, row)) && (code.isEmpty() || code.equals(cell(codes, row)))) {
                return this;
            }
        }
        int row = 0;
        while (row < invoiceRows() && (!blank(cell(codes, row)) || !blank(cell(numbers, row)))) {
            row++;
        }
        List<String> rowCodes = padded(codes, Math.max(row + 1, invoiceRows()));
        List<String> rowNumbers = padded(numbers, Math.max(row + 1, invoiceRows()));
        rowCodes.set(row, code);
        rowNumbers.set(row, number);
        return new ClaimForm(memberIdNumber, scheme, admissionDate, dischargeDate, hospital, diagnosis, diagnosisCode,
                diagnosisDate, expenses, rowCodes, rowNumbers, documents, bankName, accountNumber, accountName, intakeKey);
    }

    /** The key as sent; empty when the form carries none that is well-formed. */
    Optional<UUID> key() {
        try {
            return Optional.of(UUID.fromString(intakeKey == null ? "" : intakeKey.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public int invoiceRows() {
        return Math.max(invoiceCodes.size(), invoiceNumbers.size());
    }

    public String invoiceCode(int row) {
        return cell(invoiceCodes, row);
    }

    public String invoiceNumber(int row) {
        return cell(invoiceNumbers, row);
    }

    public boolean hasDocument(String kind) {
        return documents.contains(kind);
    }

    private List<Integer> filledRows() {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < invoiceRows(); row++) {
            if (!blank(cell(invoiceCodes, row)) || !blank(cell(invoiceNumbers, row))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private BigDecimal amount(String name, FieldErrors errors) {
        String typed = expenses.get(name);
        if (blank(typed)) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            errors.add("expenses." + name, "金额应为数字，如 1234.56");
            return null;
        }
    }

    private static Map<String, String> expenseLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("total", "医疗总费用");
        labels.put("policyScope", "政策范围内费用");
        labels.put("fundPaid", "基本医保统筹支付");
        labels.put("criticalIllnessPaid", "大病保险支付");
        labels.put("medicalAssistancePaid", "医疗救助支付");
        return labels;
    }

    private static String cell(List<String> cells, int row) {
        return row < cells.size() ? text(cells.get(row)) : null;
    }

    private static String text(String typed) {
        return blank(typed) ? null : typed.strip();
    }

    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }

    private static List<String> blanks(int rows) {
        return Stream.generate(() -> "").limit(rows).toList();
    }

    private static List<String> padded(List<String> cells, int rows) {
        List<String> padded = new ArrayList<>(cells.subList(0, Math.min(rows, cells.size())));
        while (padded.size() < rows) {
            padded.add("");
        }
        return padded;
    }
}
