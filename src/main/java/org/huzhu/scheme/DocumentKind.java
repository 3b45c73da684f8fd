package org.huzhu.scheme;

/** Papers a member hands in with a claim; each rule set says which of them a claim needs. */
public enum DocumentKind {
    INVOICE("医疗发票"),
    EXPENSE_LIST("费用清单"),
    DISCHARGE_SUMMARY("出院小结"),
    SETTLEMENT_STATEMENT("医保结算单"),
    PATHOLOGY_REPORT("病理报告"),
    DIAGNOSIS_CERTIFICATE("诊断证明书"),
    SPECIAL_DISEASE_CERTIFICATE("门诊特殊病认定证明"),
    ID_CARD("身份证"),
    BANK_CARD("银行卡");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
