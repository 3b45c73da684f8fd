package org.huzhu.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.huzhu.claim.ApprovalFacts;
import org.huzhu.claim.ClaimApprovalFacts;
import org.huzhu.claim.ClaimProcess;
import org.springframework.stereotype.Component;

/** Runs each claim as an instance of claim-lifecycle.bpmn, keyed by the claim id. */
@Component
class ClaimLifecycleProcess implements ClaimProcess {

    private final RuntimeService runtimeService;
    private final ClaimApprovalFacts approvalFacts;

    ClaimLifecycleProcess(RuntimeService runtimeService, ClaimApprovalFacts approvalFacts) {
        this.runtimeService = runtimeService;
        this.approvalFacts = approvalFacts;
    }

    @Override
    public void start(long claimId, String agencyCode) {
        runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, Long.toString(claimId),
                ProcessVariables.ofClaim(claimId, agencyCode));
    }

    @Override
    public void supplementsReceived(long claimId) {
        runtimeService.createMessageCorrelation(ProcessVariables.SUPPLEMENTS_RECEIVED)
                .processInstanceBusinessKey(Long.toString(claimId))
                .correlate();
    }

    /**
     * The review routes on the same decision as the approval: the claim's calculated subsidy, or
     * none when the claim was rejected before it was calculated (then a league head reviews it).
     */
    @Override
    public void startReview(long claimId, String agencyCode) {
        Map<String, Object> variables = new HashMap<>(ProcessVariables.ofClaim(claimId, agencyCode));
        variables.putAll(ApprovalRouting.inputs(approvalFacts.of(claimId)
                .orElseGet(() -> new ApprovalFacts(java.math.BigDecimal.ZERO, "", "EXPENSE", false))));
        runtimeService.startProcessInstanceByKey(ProcessVariables.REVIEW_PROCESS_KEY, Long.toString(claimId), variables);
    }
}
