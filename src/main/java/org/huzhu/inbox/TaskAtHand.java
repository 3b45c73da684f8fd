package org.huzhu.inbox;

import java.util.Set;

/**
 * What deciding a task needs to know of it before the engine is asked to complete it: its
 * step (and the step's name), who holds it and who may take it.
 */
record TaskAtHand(String taskId, String processInstanceId, String taskDefinitionKey, String name, String assignee,
                  Set<String> candidateGroups, Set<String> candidateUsers) {
}
