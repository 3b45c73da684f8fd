package org.huzhu.payout;

/**
 * The claim process waiting for its payment, as the payout module sees it. Implemented by
 * the workflow glue; called in the transaction that records the bank's answer, so the
 * answer and the process's next step commit together.
 */
public interface PayoutProcess {

    void confirmed(long claimId);

    void returned(long claimId);
}
