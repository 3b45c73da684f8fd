package org.huzhu.claim;

/**
 * A claim moved from one status to another. Published inside the transaction that moves it,
 * so modules that follow claims (the payment clock) record the move atomically with it.
 */
public record ClaimStatusChanged(long claimId, ClaimStatus from, ClaimStatus to) {
}
