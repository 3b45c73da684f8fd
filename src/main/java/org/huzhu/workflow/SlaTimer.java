package org.huzhu.workflow;

import java.util.Arrays;
import java.util.Optional;

import org.huzhu.sla.EscalationKind;

/**
 * The non-interrupting timers on the subprocess that runs under the payment deadline, and the
 * service task each leads to. Their dates come from the claim's clock ({@code slaClock}).
 */
enum SlaTimer {
    AT_RISK("SlaAtRisk", "EscalateAtRisk", EscalationKind.AT_RISK),
    BREACHED("SlaBreached", "EscalateBreach", EscalationKind.BREACHED);

    private final String timerId;
    private final String escalationTaskId;
    private final EscalationKind kind;

    SlaTimer(String timerId, String escalationTaskId, EscalationKind kind) {
        this.timerId = timerId;
        this.escalationTaskId = escalationTaskId;
        this.kind = kind;
    }

    static Optional<SlaTimer> ofEscalationTask(String activityId) {
        return Arrays.stream(values()).filter(t -> t.escalationTaskId.equals(activityId)).findFirst();
    }

    String timerId() {
        return timerId;
    }

    EscalationKind kind() {
        return kind;
    }
}
