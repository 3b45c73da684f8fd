package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.payout.Payouts;
import org.springframework.stereotype.Component;

/** Service task PayOut (asynchronous, retried): pays at most once per claim. */
@Component("payOut")
class PayOut implements JavaDelegate {

    private final Payouts payouts;

    PayOut(Payouts payouts) {
        this.payouts = payouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        payouts.pay(ProcessVariables.claimId(execution));
    }
}
