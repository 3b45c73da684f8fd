package org.huzhu.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.huzhu.payout.PayoutProcess;
import org.springframework.stereotype.Component;

/** Tells the claim's process, waiting at AwaitBankResult, what the bank answered. */
@Component
class PaymentSettledMessages implements PayoutProcess {

    private final RuntimeService runtimeService;

    PaymentSettledMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void confirmed(long claimId) {
        settled(claimId, "CONFIRMED");
    }

    @Override
    public void returned(long claimId) {
        settled(claimId, "RETURNED");
    }

    private void settled(long claimId, String outcome) {
        runtimeService.createMessageCorrelation(ProcessVariables.PAYMENT_SETTLED)
                .processInstanceBusinessKey(Long.toString(claimId))
                .setVariable(ProcessVariables.PAYMENT_OUTCOME, outcome)
                .correlate();
    }
}
