package org.huzhu.claim;

/**
 * The process a claim runs through, as the claim module sees it. Implemented by the
 * workflow glue, so no engine type leaks into the domain.
 */
public interface ClaimProcess {

    /** Starts the claim's process; the automated pre-check runs before this returns. */
    void start(long claimId, String agencyCode);

    /** Tells the waiting process that supplements arrived; the pre-check runs again before this returns. */
    void supplementsReceived(long claimId);

    /** Starts the review of the claim's rejection (复核申请) as its own process. */
    void startReview(long claimId, String agencyCode);
}
