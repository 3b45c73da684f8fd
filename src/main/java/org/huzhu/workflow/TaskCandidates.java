package org.huzhu.workflow;

import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;

/** Who may take a user task: its candidate users and the members of its candidate groups. */
public final class TaskCandidates {

    private TaskCandidates() {
    }

    /** Whether the user is a candidate user of the task or a member of one of its candidate groups. */
    public static boolean isCandidate(DelegateTask task, String userId) {
        Set<IdentityLink> candidates = task.getCandidates();
        if (candidates.stream().anyMatch(link -> userId.equals(link.getUserId()))) {
            return true;
        }
        String[] groups = candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toArray(String[]::new);
        return groups.length > 0 && task.getProcessEngineServices().getIdentityService().createGroupQuery()
                .groupMember(userId).groupIdIn(groups).count() > 0;
    }
}
