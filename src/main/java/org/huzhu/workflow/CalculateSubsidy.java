package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.claim.ClaimApprovalFacts;
import org.huzhu.claim.SubsidyAssessment;
import org.springframework.stereotype.Component;

/**
 * Service task CalculateSubsidy: the amount stays in the claim's table; the process gets only
 * the few facts its approval routing decides on, for that decision only (transient).
 */
@Component("calculateSubsidy")
class CalculateSubsidy implements JavaDelegate {

    private final SubsidyAssessment assessment;
    private final ClaimApprovalFacts approvalFacts;

    CalculateSubsidy(SubsidyAssessment assessment, ClaimApprovalFacts approvalFacts) {
        this.assessment = assessment;
        this.approvalFacts = approvalFacts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ProcessVariables.claimId(execution);
        assessment.calculate(claimId);
        ProcessVariables.setForRouting(execution, ApprovalRouting.inputs(approvalFacts.of(claimId).orElseThrow()));
    }
}
