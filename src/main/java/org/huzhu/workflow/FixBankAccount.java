package org.huzhu.workflow;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.huzhu.claim.BankAccountChanges;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the clerk completes FixAccount, from our API or from Tasklist: stores the new account
 * on the claim. A bad account stops the completion, so the task stays open.
 */
@Component("fixBankAccount")
class FixBankAccount implements TaskListener {

    static final String BANK_NAME = "bankName";
    static final String ACCOUNT_NUMBER = "accountNumber";
    static final String ACCOUNT_NAME = "accountName";

    private final BankAccountChanges changes;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final TransactionTemplate forgetting;

    FixBankAccount(BankAccountChanges changes, IdentityService identityService, HistoryService historyService,
                   PlatformTransactionManager transactions) {
        this.historyService = historyService;
        this.forgetting = new TransactionTemplate(transactions);
        this.forgetting.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.changes = changes;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String actor = task.getAssignee() != null ? task.getAssignee() : current == null ? null : current.getUserId();
        ClaimSubmission.BankAccountInput account = new ClaimSubmission.BankAccountInput(text(task, BANK_NAME),
                text(task, ACCOUNT_NUMBER), text(task, ACCOUNT_NAME));
        try {
            changes.change(ProcessVariables.claimId(task), account, actor == null ? "tasklist" : actor);
            // the account lives on the claim; the process keeps only ids and routing values
            task.removeVariables(List.of(BANK_NAME, ACCOUNT_NUMBER, ACCOUNT_NAME));
            forgetInHistory(task.getProcessInstanceId());
        } catch (InvalidInputException e) {
            throw new ProcessEngineException(e.problems().stream().map(FieldProblem::message)
                    .collect(Collectors.joining("；")));
        }
    }

    /**
     * Full history would keep the typed account number; once the change is committed, its
     * historic variables (and their details) are deleted, so only the claim holds the number.
     */
    private void forgetInHistory(String processInstanceId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Authentication caller = identityService.getCurrentAuthentication();
                identityService.clearAuthentication();
                try {
                    // The finished transaction takes no more writes: this one commits on its own.
                    forgetting.executeWithoutResult(status -> historyService.createHistoricVariableInstanceQuery()
                            .processInstanceIdIn(processInstanceId).variableNameIn(BANK_NAME, ACCOUNT_NUMBER, ACCOUNT_NAME).includeDeleted()
                            .list().forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId())));
                } finally {
                    if (caller != null) {
                        identityService.setAuthentication(caller);
                    }
                }
            }
        });
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
