package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.huzhu.claim.Claims;
import org.springframework.stereotype.Component;

/** On process start: the claim learns which process instance runs it. */
@Component("linkClaimToProcess")
class LinkClaimToProcess implements ExecutionListener {

    private final Claims claims;

    LinkClaimToProcess(Claims claims) {
        this.claims = claims;
    }

    @Override
    public void notify(DelegateExecution execution) {
        claims.linkProcess(ProcessVariables.claimId(execution), execution.getProcessInstanceId());
    }
}
