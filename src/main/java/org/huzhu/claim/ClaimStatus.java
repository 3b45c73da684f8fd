package org.huzhu.claim;

/** Where a claim stands. SUBMITTED lasts only until the automated pre-check has run. */
public enum ClaimStatus {
    SUBMITTED("已提交"),
    AWAITING_SUPPLEMENTS("待补件"),
    AGENCY_CHECK("代办点审核"),
    LEAGUE_AUDIT("协会审核"),
    PAYOUT("待支付"),
    PAID("已支付"),
    REJECTED("不予补助");

    /** Statuses whose subsidy is granted or about to be: they count against the member's annual cap. */
    public static final java.util.List<ClaimStatus> HOLDING_SUBSIDY = java.util.List.of(LEAGUE_AUDIT, PAYOUT, PAID);

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    /** As the workbench shows it. */
    public String label() {
        return label;
    }
}
