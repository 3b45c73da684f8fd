package org.huzhu.workflow;

import java.util.stream.Collectors;

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

/**
 * When the clerk completes FixAccount, from our API or from Tasklist: stores the new account
 * on the claim. A bad account stops the completion, so the task stays open.
 */
@Component("fixBankAccount")
class FixBankAccount implements TaskListener {

    private final BankAccountChanges changes;
    private final IdentityService identityService;

    FixBankAccount(BankAccountChanges changes, IdentityService identityService) {
        this.changes = changes;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String actor = task.getAssignee() != null ? task.getAssignee() : current == null ? null : current.getUserId();
        ClaimSubmission.BankAccountInput account = new ClaimSubmission.BankAccountInput(
                text(task, FixAccountTask.BANK_NAME), text(task, FixAccountTask.ACCOUNT_NUMBER),
                text(task, FixAccountTask.ACCOUNT_NAME));
        try {
            changes.change(ProcessVariables.claimId(task), account, actor == null ? "tasklist" : actor);
            // the account lives on the claim; the process keeps only ids and routing values, and
            // history never records these fields (PersonalValuesOutOfHistory)
            task.removeVariables(FixAccountTask.FIELDS);
        } catch (InvalidInputException e) {
            throw new ProcessEngineException(e.problems().stream().map(FieldProblem::message)
                    .collect(Collectors.joining("；")));
        }
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null ? null : value.toString();
    }
}
