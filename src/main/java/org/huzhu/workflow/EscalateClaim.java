package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.sla.Escalations;
import org.springframework.stereotype.Component;

/** Service tasks EscalateAtRisk and EscalateBreach, reached by the deadline timers: raise it once. */
@Component("escalateClaim")
class EscalateClaim implements JavaDelegate {

    private final Escalations escalations;
    private final WorkItems workItems;

    EscalateClaim(Escalations escalations, WorkItems workItems) {
        this.escalations = escalations;
        this.workItems = workItems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaTimer timer = SlaTimer.ofEscalationTask(execution.getCurrentActivityId()).orElseThrow();
        long claimId = ProcessVariables.claimId(execution);
        escalations.raise(claimId, timer.kind());
        // Escalated work rises to the top of every auditor's list.
        workItems.markUrgent(claimId);
    }
}
