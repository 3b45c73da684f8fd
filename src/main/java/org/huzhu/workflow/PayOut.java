package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.payout.Payouts;
import org.springframework.stereotype.Component;

/**
 * Service task PayOut (asynchronous, retried): orders the claim's payment for the next batch,
 * at most one live order per claim; the process then waits for the bank's answer. A subsidy
 * of nothing is settled without a transfer and the process goes straight on.
 */
@Component("payOut")
class PayOut implements JavaDelegate {

    private final Payouts payouts;

    PayOut(Payouts payouts) {
        this.payouts = payouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean transfer = payouts.instruct(ProcessVariables.claimId(execution));
        ProcessVariables.setForRouting(execution, ProcessVariables.PAYMENT_OUTCOME, transfer ? "ORDERED" : "NOTHING_TO_TRANSFER");
    }
}
