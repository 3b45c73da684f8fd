package org.huzhu.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.huzhu.claim.ClaimProcess;
import org.springframework.stereotype.Component;

/** Runs each claim as an instance of claim-lifecycle.bpmn, keyed by the claim id. */
@Component
class ClaimLifecycleProcess implements ClaimProcess {

    private final RuntimeService runtimeService;
    private final WorkItems workItems;

    ClaimLifecycleProcess(RuntimeService runtimeService, WorkItems workItems) {
        this.runtimeService = runtimeService;
        this.workItems = workItems;
    }

    @Override
    public void start(long claimId, String agencyCode) {
        runtimeService.startProcessInstanceByKey(ProcessVariables.PROCESS_KEY, Long.toString(claimId),
                Map.of(ProcessVariables.CLAIM_ID, claimId, ProcessVariables.AGENCY_CODE, agencyCode));
    }

    @Override
    public void supplementsReceived(long claimId) {
        runtimeService.createMessageCorrelation(ProcessVariables.SUPPLEMENTS_RECEIVED)
                .processInstanceBusinessKey(Long.toString(claimId))
                .correlate();
    }

    @Override
    public List<String> openSteps(long claimId) {
        return workItems.openStepsOf(claimId);
    }
}
