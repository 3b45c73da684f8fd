package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.payout.BankResults;
import org.springframework.stereotype.Component;

/** Service tasks ReadBankResults (payment-batch) and ReadLateResults (bank-results): the bank's waiting result files. */
@Component("readBankResults")
class ReadBankResults implements JavaDelegate {

    private final BankResults results;

    ReadBankResults(BankResults results) {
        this.results = results;
    }

    @Override
    public void execute(DelegateExecution execution) {
        results.read();
    }
}
