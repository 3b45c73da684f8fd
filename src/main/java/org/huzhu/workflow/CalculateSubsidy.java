package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.claim.SubsidyAssessment;
import org.springframework.stereotype.Component;

/** Service task CalculateSubsidy: the amount stays in the claim's table, not in the process. */
@Component("calculateSubsidy")
class CalculateSubsidy implements JavaDelegate {

    private final SubsidyAssessment assessment;

    CalculateSubsidy(SubsidyAssessment assessment) {
        this.assessment = assessment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        assessment.calculate(ProcessVariables.claimId(execution));
    }
}
