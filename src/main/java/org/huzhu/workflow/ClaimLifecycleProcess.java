package org.huzhu.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.huzhu.claim.ClaimProcess;
import org.springframework.stereotype.Component;

/** Runs each claim as an instance of claim-lifecycle.bpmn, keyed by the claim id. */
@Component
class ClaimLifecycleProcess implements ClaimProcess {

    private final RuntimeService runtimeService;
    ClaimLifecycleProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
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
}
