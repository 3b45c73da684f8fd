package org.huzhu.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Claim submissions as the counter sends them, with sensible defaults a test overrides. */
public final class ClaimRequests {

    public static final List<String> ALL_DOCUMENTS = List.of("INVOICE", "EXPENSE_LIST", "DISCHARGE_SUMMARY",
            "SETTLEMENT_STATEMENT", "ID_CARD", "BANK_CARD");

    private ClaimRequests() {
    }

    /**
     * A stay that ended five days ago, whose eligible base (policy scope less what the
     * insurances paid) is the given amount.
     */
    public static Map<String, Object> claim(String memberIdNumber, String eligibleBase) {
        Map<String, Object> expenses = new HashMap<>();
        expenses.put("total", "200000.00");
        expenses.put("policyScope", new java.math.BigDecimal(eligibleBase).add(new java.math.BigDecimal("1000.00")).toPlainString());
        expenses.put("fundPaid", "600.00");
        expenses.put("criticalIllnessPaid", "300.00");
        expenses.put("medicalAssistancePaid", "100.00");
        Map<String, Object> claim = new HashMap<>();
        claim.put("memberIdNumber", memberIdNumber);
        claim.put("scheme", "INPATIENT");
        claim.put("admissionDate", EngineTime.today().minusDays(15).toString());
        claim.put("dischargeDate", EngineTime.today().minusDays(5).toString());
        claim.put("hospital", "安阳市人民医院");
        claim.put("diagnosis", "社区获得性肺炎");
        claim.put("expenses", expenses);
        claim.put("invoices", List.of(Map.of("code", "410001", "number", TestIds.code("N").replace("-", ""))));
        claim.put("documents", new ArrayList<>(ALL_DOCUMENTS));
        claim.put("bankAccount", Map.of("bankName", "中国工商银行", "accountNumber", "6222021234567890128",
                "accountName", "测试会员"));
        return claim;
    }

    /** A lump-sum claim on a diagnosis ten days ago: no stay, no expenses, no invoices. */
    public static Map<String, Object> lumpSum(String memberIdNumber, String scheme, String diagnosisCode,
                                              String... documents) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("memberIdNumber", memberIdNumber);
        claim.put("scheme", scheme);
        claim.put("hospital", "内蒙古自治区人民医院");
        claim.put("diagnosis", "乳腺恶性肿瘤");
        claim.put("diagnosisCode", diagnosisCode);
        claim.put("diagnosisDate", EngineTime.today().minusDays(10).toString());
        claim.put("documents", List.of(documents));
        claim.put("bankAccount", Map.of("bankName", "中国农业银行", "accountNumber", "6228480402564890018",
                "accountName", "测试会员"));
        return claim;
    }
}
