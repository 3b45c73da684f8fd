package org.huzhu.inbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.ClaimDecisions;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.Decision;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.huzhu.workflow.AuditTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditors' work: their task list, taking and releasing a task, a supervisor's
 * reassignment, and deciding. Who may touch a task is decided by its candidates (groups, or
 * users by name) in the engine; every change of hands is in the audit trail.
 */
@Service
public class AuditorTasks {

    public static final int LARGEST_PAGE = 100;
    /** A reassignment's reason, as long as a decision's. */
    static final int REASON_LIMIT = 500;
    /** Far past any real list, and small enough that the offset stays an int. */
    static final int LAST_PAGE = 100_000;
    /** How the engine refuses a transient variable where a stored one of the name is (and the other way round). */
    private static final String TRANSIENT_OVER_STORED = "Cannot set transient variable with name";

    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final StaffDirectory directory;
    private final WorkItems workItems;
    private final ClaimSummaries summaries;
    private final AuditTrail audit;
    private final SlaStatuses slaStatuses;
    private final TransactionTemplate transaction;
    private final ProcessEngineConfigurationImpl engine;

    AuditorTasks(TaskService taskService, HistoryService historyService, IdentityService identityService,
                 StaffDirectory directory, WorkItems workItems, ClaimSummaries summaries, AuditTrail audit,
                 SlaStatuses slaStatuses, TransactionTemplate transaction, ProcessEngine engine) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.slaStatuses = slaStatuses;
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.directory = directory;
        this.workItems = workItems;
        this.summaries = summaries;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** A page of the caller's work, most urgent first; one extra row tells whether more follow. */
    public List<AuditorTask> openTasks(Staff staff, WorkFilter filter, int page, int size) {
        if (page < 0 || page > LAST_PAGE) {
            throw new InvalidInputException("page", "OUT_OF_RANGE", "页码应在0到" + LAST_PAGE + "之间");
        }
        if (size < 1 || size > LARGEST_PAGE) {
            throw new InvalidInputException("size", "OUT_OF_RANGE", "每页条数应在1到" + LARGEST_PAGE + "之间");
        }
        List<AuditorTask> rows = workItems.page(filter, staff.groupIds(), staff.userId(), page * size, size + 1);
        Map<Long, SlaStatus> deadlines = slaStatuses.deadlines(rows.stream().map(AuditorTask::claimId).distinct().toList());
        return rows.stream().map(row -> row.withDeadline(deadlines.get(row.claimId()))).toList();
    }

    /** The caller's whole list for a file, in the list's order; refused beyond {@link Spreadsheet#ROW_LIMIT}. */
    public List<AuditorTask> allOpenTasks(Staff staff, WorkFilter filter) {
        List<AuditorTask> rows = workItems.page(filter, staff.groupIds(), staff.userId(), 0, Spreadsheet.ROW_LIMIT + 1);
        Spreadsheet.requireWithinLimit(rows.size(), "待办任务");
        Map<Long, SlaStatus> deadlines = slaStatuses.deadlines(rows.stream().map(AuditorTask::claimId).distinct().toList());
        return rows.stream().map(row -> row.withDeadline(deadlines.get(row.claimId()))).toList();
    }

    /** How many tasks the caller's list holds (with the filter), counted no further than {@code bound}. */
    public long countOpen(Staff staff, WorkFilter filter, int bound) {
        return workItems.count(filter, staff.groupIds(), staff.userId(), bound);
    }

    /**
     * The claim's open tasks that the caller may work on (as a candidate or holder) or, as a
     * supervisor, hand over; with what the caller may do with each. Nobody else learns of them
     * here, not even who holds them.
     */
    public List<ClaimTask> ofClaim(long claimId, Staff staff) {
        boolean supervising = staff.hasAny(Role.SUPERVISOR, Role.ADMIN);
        List<ClaimTask> tasks = new ArrayList<>();
        for (TaskAtHand task : workItems.ofClaim(claimId)) {
            boolean candidate = isCandidate(task, staff);
            if (!candidate && !supervising) {
                continue;
            }
            Optional<AuditTask> audit = AuditTask.of(task.taskDefinitionKey());
            boolean holds = staff.userId().equals(task.assignee());
            List<Decision> outcomes = audit.map(step -> Arrays.stream(Decision.values()).filter(step.stage()::allows).toList())
                    .orElse(List.of());
            tasks.add(new ClaimTask(task.taskId(), audit.map(step -> step.stage().label()).orElse(task.name()),
                    task.assignee(), outcomes, holds && audit.isPresent(), candidate && task.assignee() == null,
                    task.assignee() != null && (holds || supervising),
                    supervising ? handOverTo(task) : List.of()));
        }
        return tasks;
    }

    /** Who completed the task, once it is done; empty while it is open or unknown. */
    public Optional<String> completedBy(String taskId) {
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
        return done == null ? Optional.empty() : Optional.ofNullable(done.getAssignee());
    }

    /** The caller takes the task; someone else holding it is a conflict. */
    public void claim(String taskId, Staff staff) {
        TaskAtHand task = atHand(taskId);
        requireCandidate(task, staff);
        if (staff.userId().equals(task.assignee())) {
            return;
        }
        if (task.assignee() != null) {
            throw claimedBy(task.assignee());
        }
        inTransaction(staff, taskId, () -> {
            taskService.claim(taskId, staff.userId());
            audit.record(staff.userId(), "TASK_CLAIMED", "TASK", taskId, claimOf(taskId), null);
            return null;
        });
    }

    /** The holder (or a supervisor) puts the task back for the group. */
    public void release(String taskId, Staff staff) {
        TaskAtHand task = atHand(taskId);
        boolean supervising = staff.hasAny(Role.SUPERVISOR, Role.ADMIN);
        // someone who may not work on the task learns nothing of it, not even who holds it
        if (!supervising) {
            requireCandidate(task, staff);
        }
        if (task.assignee() == null) {
            return;
        }
        if (!staff.userId().equals(task.assignee()) && !supervising) {
            throw claimedBy(task.assignee());
        }
        inTransaction(staff, taskId, () -> {
            taskService.setAssignee(taskId, null);
            audit.record(staff.userId(), "TASK_RELEASED", "TASK", taskId, claimOf(taskId), "原处理人：" + task.assignee());
            return null;
        });
    }

    /** A supervisor hands the task to one of its candidates. */
    public void reassign(String taskId, String userId, String reason, Staff staff) {
        if (!staff.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_SUPERVISOR", "只有督办人员可以改派任务");
        }
        if (userId == null || userId.isBlank()) {
            throw new InvalidInputException("userId", "REQUIRED", "请指定接手人");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "REQUIRED", "请填写改派原因");
        }
        if (reason.length() > REASON_LIMIT) {
            throw new InvalidInputException(List.of(FieldProblem.tooLong("reason", REASON_LIMIT)));
        }
        Task task = openTask(taskId);
        if (!directory.exists(userId)) {
            throw new InvalidInputException("userId", "UNKNOWN_USER", "没有这个用户：" + userId);
        }
        Staff target = directory.staff(userId);
        if (!candidateUsers(task).contains(userId) && candidateGroups(task).stream().noneMatch(target::inGroup)) {
            throw new InvalidInputException("userId", "NOT_A_CANDIDATE", "该用户不是此任务的候选人");
        }
        inTransaction(staff, taskId, () -> {
            taskService.setAssignee(taskId, userId);
            audit.record(staff.userId(), "TASK_REASSIGNED", "TASK", taskId, claimOf(taskId),
                    (task.getAssignee() == null ? "" : "原处理人：" + task.getAssignee() + "；") + "改派给：" + userId
                            + "；原因：" + reason.strip());
            return null;
        });
    }

    /**
     * Decides the task for the caller: refused with 403 when it is not theirs to decide, 409 when
     * someone else holds it or it is already done. Claiming and completing happen in one
     * transaction, so of two auditors deciding at once exactly one wins.
     */
    public ClaimSummary decide(String taskId, Staff staff, String outcome, String category, String reason) {
        TaskAtHand task = atHand(taskId);
        AuditTask auditTask = AuditTask.of(task.taskDefinitionKey())
                .orElseThrow(() -> DomainException.conflict("NOT_AN_AUDIT_TASK", "此任务不是审核任务"));
        requireCandidate(task, staff);
        if (task.assignee() != null && !task.assignee().equals(staff.userId())) {
            throw claimedBy(task.assignee());
        }
        ClaimDecisions.validate(auditTask.stage(), outcome, category, reason);
        // the claim from the work item before it goes: a review's task runs beside the claim's own process
        Long claimId = claimOf(taskId);
        // the summary as the decision leaves it, read in its transaction (where the claim is held already)
        Supplier<ClaimSummary> decided = () -> claimId != null ? summaries.byClaim(claimId)
                : summaries.byProcessInstances(List.of(task.processInstanceId())).get(0);
        try {
            return complete(task, staff, auditTask, outcome, category, reason, true, decided);
        } catch (ProcessEngineException e) {
            if (!e.getMessage().contains(TRANSIENT_OVER_STORED)) {
                throw e;
            }
            // someone stored the decision's variables on the instance through the engine's API: store them as well
            return complete(task, staff, auditTask, outcome, category, reason, false, decided);
        }
    }

    /**
     * Claims (when nobody holds it) and completes the task with the decision. The decision travels
     * as transient variables: the task's listener records it in the claim's tables and the gateway
     * after the task routes on it in this transaction, and the engine neither stores nor keeps it
     * (Tasklist's forms, which submit stored variables, still work: the next task of the stage
     * clears them).
     */
    private ClaimSummary complete(TaskAtHand task, Staff staff, AuditTask auditTask, String outcome, String category,
                                  String reason, boolean asTransient, Supplier<ClaimSummary> decided) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(auditTask.outcomeVariable(), Variables.stringValue(outcome, asTransient));
        variables.put(auditTask.reasonVariable(), Variables.stringValue(reason, asTransient));
        if (Decision.REJECT.name().equals(outcome)) {
            variables.put(auditTask.categoryVariable(), Variables.stringValue(category, asTransient));
        }
        // one engine command for both: the task, its execution and the caller's grants are read once, and the
        // claim's row updates vanish into the completion's deletes
        return inTransaction(staff, task.taskId(), () -> {
            engine.getCommandExecutorTxRequired().execute(context -> {
                if (task.assignee() == null) {
                    new ClaimTaskCmd(task.taskId(), staff.userId()).execute(context);
                }
                return new CompleteTaskCmd(task.taskId(), variables).execute(context);
            });
            return decided.get();
        });
    }

    /**
     * The task from its work item, which the task listeners keep in step with the engine: two
     * engine queries fewer per decision. The engine still checks the caller's authorization and
     * the task's version when completing it. Without a work item, the engine is asked.
     */
    private TaskAtHand atHand(String taskId) {
        return workItems.atHand(taskId).orElseGet(() -> {
            Task task = openTask(taskId);
            return new TaskAtHand(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(),
                    task.getAssignee(), candidateGroups(task), candidateUsers(task));
        });
    }

    private <T> T inTransaction(Staff staff, String taskId, Supplier<T> work) {
        identityService.setAuthentication(staff.userId(), List.copyOf(staff.groupIds()));
        try {
            return transaction.execute(status -> {
                workItems.lock(taskId);
                return work.get();
            });
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException e) {
            // Another auditor got there first: the task was taken, changed or completed meanwhile.
            throw taken();
        } catch (AuthorizationException e) {
            // A task completed meanwhile takes its candidates' authorizations with it.
            if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                throw taken();
            }
            throw e;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            return task;
        }
        boolean existed = historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        throw existed ? DomainException.conflict("TASK_COMPLETED", "此任务已办结")
                : DomainException.notFound("TASK_NOT_FOUND", "任务不存在");
    }

    private void requireCandidate(TaskAtHand task, Staff staff) {
        if (!isCandidate(task, staff)) {
            throw DomainException.forbidden("NOT_YOUR_TASK", "无权处理此任务");
        }
    }

    private static boolean isCandidate(TaskAtHand task, Staff staff) {
        return staff.userId().equals(task.assignee()) || task.candidateUsers().contains(staff.userId())
                || task.candidateGroups().stream().anyMatch(staff::inGroup);
    }

    /** The users a supervisor may hand the task to: its candidates by name and in its groups, not its holder. */
    private List<String> handOverTo(TaskAtHand task) {
        Set<String> users = new TreeSet<>(task.candidateUsers());
        for (String group : task.candidateGroups()) {
            identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> users.add(user.getId()));
        }
        if (task.assignee() != null) {
            users.remove(task.assignee());
        }
        return List.copyOf(users);
    }

    private Set<String> candidateGroups(Task task) {
        return candidates(task, IdentityLink::getGroupId);
    }

    private Set<String> candidateUsers(Task task) {
        return candidates(task, IdentityLink::getUserId);
    }

    private Set<String> candidates(Task task, Function<IdentityLink, String> id) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private Long claimOf(String taskId) {
        return workItems.find(taskId).map(AuditorTask::claimId).orElse(null);
    }

    private static DomainException taken() {
        return DomainException.conflict("TASK_TAKEN", "此任务刚被他人处理，请刷新任务列表");
    }

    private static DomainException claimedBy(String assignee) {
        return DomainException.conflict("TASK_CLAIMED_BY_OTHER", "此任务已由 " + assignee + " 认领");
    }
}
