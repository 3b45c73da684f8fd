package org.huzhu.inbox;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.workflow.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps the work_item table in step with every user task of a claim: opened on create,
 * re-assigned on assignment, rescheduled on update, closed on complete or delete. Added to
 * every user task by {@link WorkItemsPlugin}, so revised processes need nothing in their BPMN.
 */
@Component
class KeepWorkItems implements TaskListener {

    private final WorkItems workItems;
    private final ClaimSummaries summaries;

    KeepWorkItems(WorkItems workItems, ClaimSummaries summaries) {
        this.workItems = workItems;
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                if (task.getVariable(ProcessVariables.CLAIM_ID) == null) {
                    return;
                }
                workItems.open(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(),
                        task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                        task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList(),
                        task.getCandidates().stream().map(IdentityLink::getUserId).filter(Objects::nonNull).toList(),
                        task.getAssignee(), summaries.byClaim(ProcessVariables.claimId(task)));
            }
            case EVENTNAME_ASSIGNMENT -> workItems.assign(task.getId(), task.getAssignee());
            case EVENTNAME_UPDATE -> workItems.reschedule(task.getId(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant());
            case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> workItems.close(task.getId());
            default -> {
            }
        }
    }
}
