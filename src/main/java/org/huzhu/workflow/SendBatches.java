package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.payout.PaymentBatches;
import org.springframework.stereotype.Component;

/** Service task SendBatches of payment-batch (asynchronous, retried): unsent batch files to the bank. */
@Component("sendBatches")
class SendBatches implements JavaDelegate {

    private final PaymentBatches batches;

    SendBatches(PaymentBatches batches) {
        this.batches = batches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        batches.send();
    }
}
