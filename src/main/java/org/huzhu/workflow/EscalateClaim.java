package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.sla.Escalations;
import org.springframework.stereotype.Component;

/** Service tasks EscalateAtRisk and EscalateBreach, reached by the deadline timers: raise it once. */
@Component("escalateClaim")
class EscalateClaim implements JavaDelegate {

    private final Escalations escalations;

    EscalateClaim(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaTimer timer = SlaTimer.ofEscalationTask(execution.getCurrentActivityId()).orElseThrow();
        escalations.raise(ProcessVariables.claimId(execution), timer.kind());
    }
}
