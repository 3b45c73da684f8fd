package org.huzhu.inbox.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.huzhu.platform.FieldProblem;

/**
 * What a task form of the claim page sent, carried back to the page (a flash attribute) with
 * each problem at its field, so the page shows it where it was typed and keeps what was typed.
 */
record TaskForm(Kind kind, String taskId, String outcome, String category, String reason, String userId,
                Map<String, String> errors) {

    static final String CARRIED = "taskForm";

    enum Kind {
        DECISION, HAND_OVER
    }

    static TaskForm decision(String taskId, String outcome, String category, String reason) {
        return new TaskForm(Kind.DECISION, taskId, outcome, category, reason, null, Map.of());
    }

    static TaskForm handOver(String taskId, String userId, String reason) {
        return new TaskForm(Kind.HAND_OVER, taskId, null, null, reason, userId, Map.of());
    }

    TaskForm refused(List<FieldProblem> problems) {
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach(problem -> byField.merge(problem.field(), problem.message(), (a, b) -> a + "；" + b));
        return new TaskForm(kind, taskId, outcome, category, reason, userId, byField);
    }

    /** Whether this is what the form of that kind for that task sent. */
    public boolean isFor(String formKind, String task) {
        return kind.name().equals(formKind) && taskId.equals(task);
    }

    public boolean wrongAt(String field) {
        return errors.containsKey(field);
    }
}
