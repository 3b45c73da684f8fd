package org.huzhu.claim;

import java.time.Instant;

/**
 * A member's request for the review of a rejection (复核申请) and, once decided, its outcome.
 * Not the second audit before an approval (协会复核, {@link AuditStage#SECOND_AUDIT}).
 *
 * @param rejectionEventId    the claim_event that rejected the claim: one review per rejection
 * @param deadlineWorkingDays working days the reviewer has, from the rule set when asked
 * @param outcome             {@code UPHELD} or {@code REFUSED}; null while it waits
 * @param restartStep         where an upheld claim is audited again from
 */
public record ClaimReview(long id, long claimId, long rejectionEventId, ReviewChannel channel, String requestedBy,
                          Instant requestedAt, String reason, int deadlineWorkingDays, String outcome,
                          AuditStage restartStep, String decidedBy, Instant decidedAt, String decisionReason) {

    public static final String UPHELD = "UPHELD";
    public static final String REFUSED = "REFUSED";

    public boolean open() {
        return outcome == null;
    }

    /** The outcome in words, e.g. 维持驳回; 待复核 while it waits. */
    public String outcomeLabel() {
        if (outcome == null) {
            return "待复核";
        }
        return UPHELD.equals(outcome) ? "撤销驳回，从" + restartStep.label() + "起重新审核" : "维持驳回";
    }
}
