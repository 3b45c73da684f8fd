package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.membership.BankAccountNumber;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.platform.Money;
import org.huzhu.platform.NameText;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.Icd10;

/**
 * What a submission must satisfy before anything is stored; every problem is reported at once.
 * A lump-sum claim needs its diagnosis; its stay, expenses and invoices are checked when given.
 */
final class SubmissionRules {

    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("999999999999.99");

    /** A long stay has some dozens of invoices; thousands are a mistake or an attack. */
    static final int MAX_INVOICES = 200;

    private SubmissionRules() {
    }

    static void check(ClaimSubmission claim, BenefitKind kind, LocalDate today, Problems problems) {
        boolean lumpSum = kind == BenefitKind.LUMP_SUM;
        if (claim.memberIdNumber() == null || claim.memberIdNumber().isBlank()) {
            problems.add("memberIdNumber", "REQUIRED", "请填写会员身份证号");
        } else if (ResidentIdNumber.parse(claim.memberIdNumber()).isEmpty()) {
            problems.add("memberIdNumber", "INVALID_ID_NUMBER", "身份证号不正确（应为18位，校验位不符）");
        }
        required(problems, "scheme", claim.scheme(), "请选择保障项目");
        if (!lumpSum || claim.admissionDate() != null || claim.dischargeDate() != null) {
            checkStay(claim.admissionDate(), claim.dischargeDate(), true, today, problems);
        }
        NameText.check(problems, "hospital", claim.hospital(), "请填写就诊医院", 200);
        text(problems, "diagnosis", claim.diagnosis(), "请填写诊断", 200);
        checkDiagnosis(claim.diagnosisCode(), claim.diagnosisDate(), lumpSum, today, problems);
        if (!lumpSum || claim.expenses() != null) {
            checkExpenses(claim.expenses(), problems);
        }
        if (!lumpSum || (claim.invoices() != null && !claim.invoices().isEmpty())) {
            checkInvoices(claim.invoices(), problems);
        }
        documentKinds(claim.documents(), "documents", problems);
        checkBankAccount(claim.bankAccount(), problems);
    }

    /** Dates of the stay: admission given, discharge not before it, neither in the future. */
    static void checkStay(LocalDate admission, LocalDate discharge, boolean dischargeRequired, LocalDate today,
                          Problems problems) {
        if (admission == null) {
            problems.add("admissionDate", "REQUIRED", "请填写入院日期");
        } else if (admission.isAfter(today)) {
            problems.add("admissionDate", "DATE_IN_FUTURE", "入院日期不能晚于今天");
        }
        if (discharge == null) {
            if (dischargeRequired) {
                problems.add("dischargeDate", "REQUIRED", "请填写出院日期");
            }
        } else if (discharge.isAfter(today)) {
            problems.add("dischargeDate", "DATE_IN_FUTURE", "出院日期不能晚于今天");
        } else if (admission != null && discharge.isBefore(admission)) {
            problems.add("dischargeDate", "DISCHARGE_BEFORE_ADMISSION", "出院日期不能早于入院日期");
        }
    }

    /** Known document kinds; an unknown one is named in the error. */
    static Set<DocumentKind> documentKinds(List<String> documents, String field, Problems problems) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        if (documents == null) {
            return kinds;
        }
        for (int i = 0; i < documents.size(); i++) {
            documentKind(documents.get(i), field + "[" + i + "]", problems).ifPresent(kinds::add);
        }
        return kinds;
    }

    /** The document kind of the name; a problem at the field when there is none. */
    static Optional<DocumentKind> documentKind(String name, String field, Problems problems) {
        try {
            return Optional.of(DocumentKind.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(field, "UNKNOWN_DOCUMENT", "无法识别的材料类型：" + name);
            return Optional.empty();
        }
    }

    /** The ICD-10 code and day of diagnosis: required for a lump sum, checked whenever given. */
    static void checkDiagnosis(String code, LocalDate date, boolean required, LocalDate today, Problems problems) {
        if (code == null || code.isBlank()) {
            if (required) {
                problems.add("diagnosisCode", "REQUIRED", "请填写ICD-10诊断编码");
            }
        } else if (!Icd10.isCode(code)) {
            problems.add("diagnosisCode", "INVALID_ICD10_CODE", "诊断编码应为ICD-10格式，如 C50.9");
        }
        if (date == null) {
            if (required) {
                problems.add("diagnosisDate", "REQUIRED", "请填写确诊日期");
            }
        } else if (date.isAfter(today)) {
            problems.add("diagnosisDate", "DATE_IN_FUTURE", "确诊日期不能晚于今天");
        }
    }

    static void checkExpenses(ClaimSubmission.ExpenseFigures expenses, Problems problems) {
        if (expenses == null) {
            problems.add("expenses", "REQUIRED", "请填写费用信息");
            return;
        }
        amount(problems, "expenses.total", expenses.total(), "医疗总费用");
        amount(problems, "expenses.policyScope", expenses.policyScope(), "政策范围内费用");
        amount(problems, "expenses.fundPaid", expenses.fundPaid(), "基本医保统筹支付");
        amount(problems, "expenses.criticalIllnessPaid", expenses.criticalIllnessPaid(), "大病保险支付");
        amount(problems, "expenses.medicalAssistancePaid", expenses.medicalAssistancePaid(), "医疗救助支付");
        if (problems.has("expenses.total") || problems.has("expenses.policyScope") || problems.has("expenses.fundPaid")
                || problems.has("expenses.criticalIllnessPaid") || problems.has("expenses.medicalAssistancePaid")) {
            return;
        }
        if (expenses.policyScope().compareTo(expenses.total()) > 0) {
            problems.add("expenses.policyScope", "EXCEEDS_TOTAL", "政策范围内费用不能超过医疗总费用");
        }
        BigDecimal insurancePaid = expenses.fundPaid().add(expenses.criticalIllnessPaid())
                .add(expenses.medicalAssistancePaid());
        if (insurancePaid.compareTo(expenses.total()) > 0) {
            problems.add("expenses.fundPaid", "EXCEEDS_TOTAL", "各项保险和救助支付之和不能超过医疗总费用");
        }
    }

    private static void checkInvoices(List<ClaimSubmission.InvoiceInput> invoices, Problems problems) {
        if (invoices == null || invoices.isEmpty()) {
            problems.add("invoices", "REQUIRED", "请至少填写一张发票");
            return;
        }
        if (invoices.size() > MAX_INVOICES) {
            problems.add("invoices", "TOO_MANY", "一件申请最多" + MAX_INVOICES + "张发票；更多的请分开申请");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < invoices.size(); i++) {
            ClaimSubmission.InvoiceInput invoice = invoices.get(i);
            String at = "invoices[" + i + "]";
            if (invoice == null) {
                problems.add(at, "REQUIRED", "发票信息为空");
                continue;
            }
            // a fully digital invoice (数电票) has a 20-digit number and no code
            boolean digital = (invoice.code() == null || invoice.code().isBlank()) && invoice.number() != null
                    && invoice.number().strip().matches("[0-9]{20}");
            boolean codeOk = digital || invoiceField(problems, at + ".code", invoice.code(), "发票代码");
            boolean numberOk = invoiceField(problems, at + ".number", invoice.number(), "发票号码");
            if (codeOk && numberOk && !seen.add(invoice.code() + "/" + invoice.number())) {
                problems.add(at, "DUPLICATE_INVOICE", "同一张发票重复填写");
            }
        }
    }

    private static boolean invoiceField(Problems problems, String field, String value, String label) {
        if (value == null || value.isBlank()) {
            problems.add(field, "REQUIRED", "请填写" + label);
            return false;
        }
        if (!value.matches("[0-9A-Za-z]{1,32}")) {
            problems.add(field, "INVALID_FORMAT", label + "只能是1到32位数字或字母");
            return false;
        }
        return true;
    }

    static void checkBankAccount(ClaimSubmission.BankAccountInput account, Problems problems) {
        if (account == null) {
            problems.add("bankAccount", "REQUIRED", "请填写收款银行账户");
            return;
        }
        NameText.check(problems, "bankAccount.bankName", account.bankName(), "请填写开户银行", 100);
        NameText.check(problems, "bankAccount.accountName", account.accountName(), "请填写账户名", 50);
        if (account.accountNumber() == null || account.accountNumber().isBlank()) {
            problems.add("bankAccount.accountNumber", "REQUIRED", "请填写银行账号");
        } else if (!BankAccountNumber.isWellFormed(account.accountNumber())) {
            problems.add("bankAccount.accountNumber", "INVALID_ACCOUNT_NUMBER", "银行账号应为12到30位数字");
        }
    }

    static void amount(Problems problems, String field, BigDecimal value, String label) {
        if (value == null) {
            problems.add(field, "REQUIRED", "请填写" + label);
        } else if (value.signum() < 0) {
            problems.add(field, "NEGATIVE", label + "不能为负数");
        } else if (!Money.isFenExact(value)) {
            problems.add(field, "TOO_MANY_DECIMALS", label + "最多保留两位小数（分）");
        } else if (value.compareTo(LARGEST_AMOUNT) > 0) {
            problems.add(field, "TOO_LARGE", label + "金额过大");
        }
    }

    private static void required(Problems problems, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            problems.add(field, "REQUIRED", message);
        }
    }

    private static void text(Problems problems, String field, String value, String message, int maxLength) {
        required(problems, field, value, message);
        if (value != null && value.length() > maxLength) {
            problems.add(field, "TOO_LONG", "最多" + maxLength + "个字");
        }
    }
}
