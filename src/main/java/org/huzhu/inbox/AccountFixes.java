package org.huzhu.inbox;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.claim.BankAccountChanges;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.platform.DomainException;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.workflow.FixAccountTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clerk's answer to a returned transfer, through the API or the workbench: the claims
 * waiting for it, and the fix, which completes the claim's FixAccount task.
 */
@Service
public class AccountFixes {

    private static final WorkFilter RETURNED = new WorkFilter(FixAccountTask.KEY, null, null, false, false, false);

    private final TaskService taskService;
    private final IdentityService identityService;
    private final TransactionTemplate transaction;
    private final WorkItems workItems;

    AccountFixes(TaskService taskService, IdentityService identityService, TransactionTemplate transaction,
                 WorkItems workItems) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.transaction = transaction;
        this.workItems = workItems;
    }

    /** The claims whose transfer came back, waiting for the person's groups to fix the account; most urgent first. */
    public List<AuditorTask> returned(Staff staff, int limit) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        return workItems.page(RETURNED, staff.groupIds(), staff.userId(), 0, limit);
    }

    public long countReturned(Staff staff) {
        return workItems.countOfGroups(FixAccountTask.KEY, staff.groupIds());
    }

    /** Whether the claim's transfer came back and waits for its account to be fixed. */
    public boolean awaitsFix(long claimId) {
        return openTask(claimId) != null;
    }

    public void fix(long claimId, ClaimSubmission.BankAccountInput account, Staff staff) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        BankAccountChanges.checked(account);
        Task task = openTask(claimId);
        if (task == null) {
            throw DomainException.conflict("NO_RETURNED_PAYMENT", "此申请没有被银行退回、待更正账户的付款");
        }
        boolean candidate = taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && staff.inGroup(link.getGroupId()));
        if (!candidate) {
            throw DomainException.forbidden("NOT_YOUR_TASK", "只有申请所属代办点的受理员可以更正收款账户");
        }
        identityService.setAuthentication(staff.userId(), List.copyOf(staff.groupIds()));
        try {
            transaction.executeWithoutResult(status -> {
                taskService.setVariablesLocal(task.getId(), Map.of(FixAccountTask.BANK_NAME, account.bankName(),
                        FixAccountTask.ACCOUNT_NUMBER, account.accountNumber(),
                        FixAccountTask.ACCOUNT_NAME, account.accountName()));
                taskService.complete(task.getId());
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task openTask(long claimId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(Long.toString(claimId))
                .taskDefinitionKey(FixAccountTask.KEY).singleResult();
    }
}
