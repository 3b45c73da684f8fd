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

/** The clerk's answer to a returned transfer, through the API: completes the claim's FixAccount task. */
@Service
public class AccountFixes {

    private final TaskService taskService;
    private final IdentityService identityService;
    private final TransactionTemplate transaction;

    AccountFixes(TaskService taskService, IdentityService identityService, TransactionTemplate transaction) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.transaction = transaction;
    }

    public void fix(long claimId, ClaimSubmission.BankAccountInput account, Staff staff) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        BankAccountChanges.checked(account);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(Long.toString(claimId))
                .taskDefinitionKey(FixAccountTask.KEY).singleResult();
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
}
