package org.huzhu.payout;

/**
 * Where a payment instruction stands. It only moves forward: pending, put in a batch, the
 * batch sent to the bank, then confirmed or returned by the bank. A returned instruction
 * stays returned; the claim is paid by a new instruction (its next attempt).
 */
public enum PaymentStatus {
    PENDING("待编批"),
    IN_BATCH("已编入批次"),
    SENT("已送银行"),
    CONFIRMED("已入账"),
    RETURNED("已退票");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    /** The status as finance reads it on pages and in the reconciliation CSV. */
    public String label() {
        return label;
    }
}
