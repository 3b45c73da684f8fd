package org.huzhu.claim;

/** Where a claim stands. SUBMITTED lasts only until the automated pre-check has run. */
public enum ClaimStatus {
    SUBMITTED,
    AWAITING_SUPPLEMENTS,
    AGENCY_CHECK,
    LEAGUE_AUDIT,
    PAYOUT,
    PAID,
    REJECTED;

    /** Statuses whose subsidy is granted or about to be: they count against the member's annual cap. */
    public static final java.util.List<ClaimStatus> HOLDING_SUBSIDY = java.util.List.of(LEAGUE_AUDIT, PAYOUT, PAID);
}
