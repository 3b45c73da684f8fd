package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.claim.ClaimDecisions;
import org.springframework.stereotype.Component;

/** Service task ApproveClaim: every check on the claim's approval path has approved, so it goes to payout. */
@Component("approveClaim")
class ApproveClaim implements JavaDelegate {

    private final ClaimDecisions decisions;

    ApproveClaim(ClaimDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.approveForPayout(ProcessVariables.claimId(execution));
    }
}
