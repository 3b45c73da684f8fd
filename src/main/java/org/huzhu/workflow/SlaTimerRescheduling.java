package org.huzhu.workflow;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.claim.Claims;
import org.huzhu.sla.ClaimClock;
import org.huzhu.sla.DeadlineTimers;
import org.springframework.stereotype.Component;

/**
 * After a calendar change: the engine evaluates the deadline timers' date expressions again
 * (they read the recalculated clocks) and the open tasks take the new due date, and the
 * working days Tasklist counts for it ({@link DeadlineOnTask}). A claim's clock runs in its
 * lifecycle or, while its rejection is reviewed, in the review's process.
 */
@Component
class SlaTimerRescheduling implements DeadlineTimers {

    private static final List<String> TIMER_IDS = Arrays.stream(SlaTimer.values()).map(SlaTimer::timerId).toList();

    private final ManagementService managementService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final DeadlineOnTask deadline;
    private final Claims claims;

    SlaTimerRescheduling(ManagementService managementService, TaskService taskService, RuntimeService runtimeService,
                         DeadlineOnTask deadline, Claims claims) {
        this.managementService = managementService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.deadline = deadline;
        this.claims = claims;
    }

    @Override
    public void reschedule(List<ClaimClock> running) {
        Map<Long, String> processes = new HashMap<>(claims.processInstances(running.stream().map(ClaimClock::claimId).toList()));
        // reviews are few: all of them at once, each in place of its claim's ended lifecycle
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ProcessVariables.REVIEW_PROCESS_KEY).list()
                .forEach(review -> processes.put(Long.parseLong(review.getBusinessKey()), review.getId()));
        for (ClaimClock clock : running) {
            String processInstanceId = processes.get(clock.claimId());
            if (processInstanceId != null) {
                reschedule(clock, processInstanceId);
            }
        }
    }

    private void reschedule(ClaimClock clock, String processInstanceId) {
        for (String timerId : TIMER_IDS) {
            for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId)
                    .activityId(timerId).list()) {
                managementService.recalculateJobDuedate(job.getId(), false);
            }
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId).list();
        if (!tasks.isEmpty()) {
            // one deadline per claim, whatever the number of its open tasks
            var shown = deadline.of(clock);
            for (Task task : tasks) {
                task.setDueDate(Date.from(clock.dueAt()));
                taskService.saveTask(task);
                taskService.setVariableLocal(task.getId(), DeadlineOnTask.VARIABLE, shown);
            }
        }
    }
}
