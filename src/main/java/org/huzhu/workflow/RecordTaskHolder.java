package org.huzhu.workflow;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
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
        String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .findFirst().orElseGet(() -> declaredGroup(task));
        paymentClock.holder(ProcessVariables.claimId(task), task.getAssignee(), group);
    }

    /** A task offered to users by name (the second audit, by the inbox) is still held by the group its BPMN names. */
    private static String declaredGroup(DelegateTask task) {
        String declared = task.getBpmnModelElementInstance().getCamundaCandidateGroups();
        return declared == null || declared.contains("{") ? null : declared.split(",")[0].strip();
    }
}
