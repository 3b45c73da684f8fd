package org.huzhu.payout;

/**
 * Where a payment instruction stands. It only moves forward: pending, put in a batch, the
 * batch sent to the bank, then confirmed or returned by the bank. A returned instruction
 * stays returned; the claim is paid by a new instruction (its next attempt).
 */
public enum PaymentStatus {
    PENDING, IN_BATCH, SENT, CONFIRMED, RETURNED
}
