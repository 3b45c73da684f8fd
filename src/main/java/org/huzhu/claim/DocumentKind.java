package org.huzhu.claim;

/** Papers a member hands in with a claim. */
public enum DocumentKind {
    INVOICE("住院发票"),
    EXPENSE_LIST("费用清单"),
    DISCHARGE_SUMMARY("出院小结"),
    SETTLEMENT_STATEMENT("医保结算单"),
    PATHOLOGY_REPORT("病理报告"),
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
