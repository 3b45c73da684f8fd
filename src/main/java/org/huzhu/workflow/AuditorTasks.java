package org.huzhu.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.claim.ClaimDecisions;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditors' work: their open tasks, and deciding one. */
@Service
public class AuditorTasks {

    private static final int PAGE = 200;

    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final ClaimSummaries summaries;
    private final SlaStatuses slaStatuses;
    private final TransactionTemplate transaction;

    AuditorTasks(TaskService taskService, HistoryService historyService, IdentityService identityService,
                 ClaimSummaries summaries, SlaStatuses slaStatuses, TransactionTemplate transaction) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.summaries = summaries;
        this.slaStatuses = slaStatuses;
        this.transaction = transaction;
    }

    /** Open tasks of the caller's groups, claimed or not, oldest first. */
    public List<AuditorTask> openTasks(Staff staff) {
        if (staff.groupIds().isEmpty()) {
            return List.of();
        }
        List<Task> tasks = taskService.createTaskQuery().active()
                .taskCandidateGroupIn(List.copyOf(staff.groupIds())).includeAssignedTasks()
                .orderByTaskCreateTime().asc().listPage(0, PAGE);
        Map<String, ClaimSummary> claims = summaries.byProcessInstances(
                        tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(ClaimSummary::processInstanceId, Function.identity()));
        Map<Long, SlaStatus> deadlines = slaStatuses.of(claims.values().stream().map(ClaimSummary::claimId).toList());
        return tasks.stream().filter(t -> claims.containsKey(t.getProcessInstanceId())).map(t -> {
            ClaimSummary claim = claims.get(t.getProcessInstanceId());
            SlaStatus sla = deadlines.get(claim.claimId());
            return new AuditorTask(t.getId(), claim.claimId(), t.getName(), t.getTaskDefinitionKey(),
                    t.getCreateTime().toInstant().atZone(Beijing.ZONE).toOffsetDateTime(), t.getAssignee(),
                    claim.agencyCode(), claim.scheme(), claim.memberName(), claim.memberIdNumberMasked(),
                    claim.eligibleAmount(), claim.subsidy(), sla.urgent(), sla.dueDate(), sla.state(),
                    sla.workingDaysLeft());
        }).toList();
    }

    /**
     * Decides the task for the caller: refused with 403 when it is not theirs to decide, 409 when
     * someone else holds it or it is already done. Claiming and completing happen in one
     * transaction, so of two auditors deciding at once exactly one wins.
     */
    public ClaimSummary decide(String taskId, Staff staff, String outcome, String reason) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw gone(taskId);
        }
        AuditTask audit = AuditTask.of(task.getTaskDefinitionKey())
                .orElseThrow(() -> DomainException.conflict("NOT_AN_AUDIT_TASK", "此任务不是审核任务"));
        requireCandidate(task, staff);
        if (task.getAssignee() != null && !task.getAssignee().equals(staff.userId())) {
            throw DomainException.conflict("TASK_CLAIMED_BY_OTHER", "此任务已由 " + task.getAssignee() + " 认领");
        }
        ClaimDecisions.validate(audit.stage(), outcome, reason);
        Map<String, Object> variables = new HashMap<>();
        variables.put(audit.outcomeVariable(), outcome);
        variables.put(audit.reasonVariable(), reason);
        identityService.setAuthentication(staff.userId(), List.copyOf(staff.groupIds()));
        try {
            transaction.executeWithoutResult(status -> {
                if (task.getAssignee() == null) {
                    taskService.claim(taskId, staff.userId());
                }
                taskService.complete(taskId, variables);
            });
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw DomainException.conflict("TASK_TAKEN", "此任务刚被他人处理，请刷新任务列表");
        } finally {
            identityService.clearAuthentication();
        }
        return summaries.byProcessInstances(List.of(task.getProcessInstanceId())).get(0);
    }

    private void requireCandidate(Task task, Staff staff) {
        if (staff.userId().equals(task.getAssignee())) {
            return;
        }
        Set<String> candidateGroups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toSet());
        if (candidateGroups.stream().noneMatch(staff::inGroup)) {
            throw DomainException.forbidden("NOT_YOUR_TASK", "无权处理此任务");
        }
    }

    private DomainException gone(String taskId) {
        boolean existed = historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        return existed ? DomainException.conflict("TASK_COMPLETED", "此任务已办结")
                : DomainException.notFound("TASK_NOT_FOUND", "任务不存在");
    }
}
