package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.payout.PaymentBatches;
import org.springframework.stereotype.Component;

/** Service task CollectPayments of payment-batch: pending instructions into a new batch. */
@Component("collectPayments")
class CollectPayments implements JavaDelegate {

    private final PaymentBatches batches;

    CollectPayments(PaymentBatches batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        batches.collect();
    }
}
