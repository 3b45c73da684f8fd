package org.huzhu.workflow;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.huzhu.claim.ClaimDecisions;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * When an audit task completes, from our API or from Tasklist: checks the decider may decide
 * it and records the decision on the claim. A refusal here stops the completion.
 */
@Component("recordAuditDecision")
class RecordAuditDecision implements TaskListener {

    private final ClaimDecisions decisions;
    private final IdentityService identityService;

    RecordAuditDecision(ClaimDecisions decisions, IdentityService identityService) {
        this.decisions = decisions;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        AuditTask audit = AuditTask.of(task.getTaskDefinitionKey()).orElseThrow();
        String actor = decider(task);
        Object outcome = task.getVariable(audit.outcomeVariable());
        Object reason = task.getVariable(audit.reasonVariable());
        Object category = task.getVariable(audit.categoryVariable());
        try {
            decisions.decide(ProcessVariables.claimId(task), audit.stage(), text(outcome), text(category), text(reason),
                    actor);
        } catch (InvalidInputException e) {
            throw new ProcessEngineException(e.problems().stream().map(FieldProblem::message)
                    .collect(Collectors.joining("；")));
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private String decider(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String actor = task.getAssignee() != null ? task.getAssignee() : current == null ? null : current.getUserId();
        if (actor == null) {
            throw new ProcessEngineException("请先认领任务再提交审核结论");
        }
        if (!TaskCandidates.isCandidate(task, actor)) {
            throw new ProcessEngineException("用户 " + actor + " 无权审核此任务");
        }
        return actor;
    }
}
