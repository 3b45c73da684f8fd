package org.huzhu.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.huzhu.claim.AuditStage;
import org.huzhu.claim.ClaimHistory;
import org.huzhu.workflow.AuditTask;
import org.huzhu.workflow.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The second audit is a four-eyes check: it is offered, by name, to the members of its candidate
 * groups who have not decided the claim at the league in this round, so Tasklist and our task
 * list never show it to the auditor who approved, and the engine grants it to the others only.
 * Its BPMN still names the group (the revision checks and the dry run read it); when the engine
 * parses the task, {@link WorkItemsPlugin} takes the group out of the task's definition and lets
 * this listener, first on create, name the candidates instead. A process revision cannot drop it.
 * The review of a rejection (复核申请) is offered the same way, to the members of its group who
 * never decided the claim at all.
 */
@Component
class OfferToOtherAuditors {

    private static final Logger LOG = LoggerFactory.getLogger(OfferToOtherAuditors.class);

    private final ClaimHistory history;

    OfferToOtherAuditors(ClaimHistory history) {
        this.history = history;
    }

    static boolean appliesTo(String taskDefinitionKey) {
        return AuditTask.of(taskDefinitionKey).filter(task -> task.stage() == AuditStage.SECOND_AUDIT
                || task.stage() == AuditStage.REJECTION_REVIEW).isPresent();
    }

    /** Moves the task's candidate groups into a create listener that offers it to their members who may take it. */
    void takeOver(TaskDefinition task) {
        List<Expression> groups = List.copyOf(task.getCandidateGroupIdExpressions());
        task.getCandidateGroupIdExpressions().clear();
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created -> offer(created, groups));
    }

    private void offer(DelegateTask task, List<Expression> groupExpressions) {
        Set<String> groups = new TreeSet<>();
        for (Expression expression : groupExpressions) {
            for (String group : expression.getValue(task).toString().split(",")) {
                groups.add(group.strip());
            }
        }
        if (task.getVariable(ProcessVariables.CLAIM_ID) == null) {
            // not a claim's task (the benchmark's bare process): nobody has decided anything, offered to the groups
            task.addCandidateGroups(groups);
            return;
        }
        IdentityService identities = task.getProcessEngineServices().getIdentityService();
        Set<String> members = new TreeSet<>();
        for (String group : groups) {
            identities.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(members::add);
        }
        long claimId = ProcessVariables.claimId(task);
        boolean review = AuditTask.of(task.getTaskDefinitionKey())
                .filter(audit -> audit.stage() == AuditStage.REJECTION_REVIEW).isPresent();
        Collection<String> decided = review ? history.decidersOf(claimId) : history.leagueDecidersSinceLastAudit(claimId);
        List<String> others = new ArrayList<>(members);
        others.removeAll(decided);
        if (others.isEmpty()) {
            // nobody else is left: offered to the group, where the four-eyes check still refuses the deciders
            LOG.warn("{} of claim {}: every member of {} has decided this round; offered to the group", task.getName(),
                    ProcessVariables.claimId(task), groups);
            task.addCandidateGroups(groups);
        } else {
            task.addCandidateUsers(others);
        }
    }
}
