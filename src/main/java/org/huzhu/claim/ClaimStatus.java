package org.huzhu.claim;

/** Where a claim stands. SUBMITTED lasts only until the automated pre-check has run. */
public enum ClaimStatus {
    SUBMITTED("已提交"),
    AWAITING_SUPPLEMENTS("待补件"),
    AGENCY_CHECK("代办点审核中"),
    LEAGUE_AUDIT("协会审核中"),
    PAYOUT("待支付"),
    PAID("已支付"),
    REJECTED("已驳回"),
    /** A rejected claim whose member asked for a review of the rejection (复核申请), until it is decided. */
    REVIEW("复核中");

    /** Statuses whose subsidy is granted or about to be: they count against the member's annual cap. */
    public static final java.util.List<ClaimStatus> HOLDING_SUBSIDY = java.util.List.of(LEAGUE_AUDIT, PAYOUT, PAID);

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    /** The status as people read it, e.g. 协会审核中. */
    public String label() {
        return label;
    }
}
