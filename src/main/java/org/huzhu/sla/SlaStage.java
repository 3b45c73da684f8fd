package org.huzhu.sla;

import java.util.Arrays;
import java.util.Optional;

import org.huzhu.claim.ClaimStatus;

/** The stages a claim passes while its payment clock runs, each with a budget of working days. */
public enum SlaStage {
    AGENCY_CHECK("代办点审核"),
    LEAGUE_AUDIT("协会审核"),
    PAYOUT("支付"),
    /** The review of a rejection (复核申请): its own deadline, not a share of the payment deadline. */
    REVIEW("复核");

    private final String label;

    SlaStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A stage of the payment deadline, with a budget out of it; the review has its own deadline. */
    public boolean ofPayment() {
        return this != REVIEW;
    }

    static Optional<SlaStage> of(ClaimStatus status) {
        return Arrays.stream(values()).filter(stage -> stage.name().equals(status.name())).findFirst();
    }
}
