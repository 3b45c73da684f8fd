package org.huzhu.workflow;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
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
 * working days Tasklist counts for it ({@link DeadlineOnTask}).
 */
@Component
class SlaTimerRescheduling implements DeadlineTimers {

    private static final List<String> TIMER_IDS = Arrays.stream(SlaTimer.values()).map(SlaTimer::timerId).toList();

    private final ManagementService managementService;
    private final TaskService taskService;
    private final DeadlineOnTask deadline;
    private final Claims claims;

    SlaTimerRescheduling(ManagementService managementService, TaskService taskService, DeadlineOnTask deadline,
                         Claims claims) {
        this.managementService = managementService;
        this.taskService = taskService;
        this.deadline = deadline;
        this.claims = claims;
    }

    @Override
    public void reschedule(List<ClaimClock> running) {
        Map<Long, String> processes = claims.processInstances(running.stream().map(ClaimClock::claimId).toList());
        for (ClaimClock clock : running) {
            String processInstanceId = processes.get(clock.claimId());
            if (processInstanceId == null) {
                continue;
            }
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
}
