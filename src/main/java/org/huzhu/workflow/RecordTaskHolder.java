package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.huzhu.sla.PaymentClock;
import org.springframework.stereotype.Component;

/**
 * When an audit task is created or changes hands (claimed, returned, delegated): records on the
 * claim's clock who holds it, so supervisors see where a claim waits without asking the engine.
 */
@Component("recordTaskHolder")
class RecordTaskHolder implements TaskListener {

    private final PaymentClock paymentClock;

    RecordTaskHolder(PaymentClock paymentClock) {
        this.paymentClock = paymentClock;
    }

    @Override
    public void notify(DelegateTask task) {
        String group = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
        paymentClock.holder(ProcessVariables.claimId(task), task.getAssignee(), group);
    }
}
