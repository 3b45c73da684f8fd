package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.claim.ClaimPreCheck;
import org.springframework.stereotype.Component;

/** Service task PreCheckClaim: routes on ELIGIBLE, INCOMPLETE or INELIGIBLE. */
@Component("preCheckClaim")
class PreCheckClaim implements JavaDelegate {

    private final ClaimPreCheck preCheck;

    PreCheckClaim(ClaimPreCheck preCheck) {
        this.preCheck = preCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessVariables.setForRouting(execution, ProcessVariables.PRE_CHECK_OUTCOME,
                preCheck.run(ProcessVariables.claimId(execution)).name());
    }
}
