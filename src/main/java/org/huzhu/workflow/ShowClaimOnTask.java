package org.huzhu.workflow;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.huzhu.claim.AuditStage;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimHistory;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.Claims;
import org.huzhu.claim.Decision;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.Expenses;
import org.springframework.stereotype.Component;

/**
 * When an audit task is created: puts a masked, read-only view of the claim on the task for
 * its Camunda Form, and clears the stage's previous decision so the form starts empty. The
 * claim itself stays in our tables; these task-local values vanish with the task.
 */
@Component("showClaimOnTask")
class ShowClaimOnTask implements TaskListener {

    private final Claims claims;
    private final ClaimSummaries summaries;
    private final ClaimHistory history;

    ShowClaimOnTask(Claims claims, ClaimSummaries summaries, ClaimHistory history) {
        this.claims = claims;
        this.summaries = summaries;
        this.history = history;
    }

    @Override
    public void notify(DelegateTask task) {
        AuditTask.of(task.getTaskDefinitionKey()).ifPresent(audit -> {
            task.getExecution().removeVariable(audit.outcomeVariable());
            task.getExecution().removeVariable(audit.reasonVariable());
        });
        long claimId = ProcessVariables.claimId(task);
        Claim claim = claims.get(claimId);
        ClaimSummary summary = summaries.byClaim(claimId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("memberName", summary.memberName());
        view.put("memberIdNumberMasked", summary.memberIdNumberMasked());
        view.put("agencyCode", summary.agencyCode());
        view.put("hospital", summary.hospital());
        view.put("diagnosis", summary.diagnosis() + (claim.diagnosisCode() == null ? ""
                : "（ICD-10 " + claim.diagnosisCode() + "，" + claim.diagnosisDate() + "确诊）"));
        view.put("admissionDate", text(summary.admissionDate()));
        view.put("dischargeDate", text(summary.dischargeDate()));
        Expenses expenses = claim.expenses();
        view.put("expenseTotal", figure(expenses, Expenses::total));
        view.put("policyScope", figure(expenses, Expenses::policyScope));
        view.put("fundPaid", figure(expenses, Expenses::fundPaid));
        view.put("criticalIllnessPaid", figure(expenses, Expenses::criticalIllnessPaid));
        view.put("medicalAssistancePaid", figure(expenses, Expenses::medicalAssistancePaid));
        view.put("eligibleAmount", figure(expenses, Expenses::eligibleBase));
        view.put("subsidy", text(claim.subsidy()));
        view.put("subsidyBreakdown", claim.breakdown() == null ? "" : claim.breakdown().inWords());
        view.put("documents", claim.documents().stream().map(DocumentKind::label).collect(Collectors.joining("、")));
        view.put("bankAccount", claim.bankAccount().bankName() + " " + claim.bankAccount().maskedNumber()
                + "（" + claim.bankAccount().accountName() + "）");
        view.put("bankAccountWarning", claim.bankAccount().passesLuhn() ? ""
                : "注意：银行卡号未通过Luhn校验，请核对卡号（部分借记卡属正常情况）");
        view.put("approvalPath", approvalPath(task));
        view.put("decisionsSoFar", decisionsSoFar(claimId));
        task.setVariablesLocal(view);
    }

    /** The checks the approval routing asked for, in order, e.g. 协会审核 → 协会负责人审批. */
    private static String approvalPath(DelegateTask task) {
        StringBuilder path = new StringBuilder(AuditStage.LEAGUE_AUDIT.label());
        for (ApprovalStep step : ApprovalStep.values()) {
            if (Boolean.TRUE.equals(task.getVariable(step.variable()))) {
                path.append(" → ").append(step.label());
            }
        }
        return path.toString();
    }

    /** Who decided what on the claim so far, so a later check sees the earlier ones. */
    private String decisionsSoFar(long claimId) {
        String decided = history.of(claimId).stream().flatMap(event -> Arrays.stream(AuditStage.values())
                        .filter(stage -> stage.name().equals(event.step()) && event.decision() != null)
                        .map(stage -> stage.label() + "（" + event.actor() + "）：" + Decision.valueOf(event.decision()).label()
                                + (event.reason() == null ? "" : "，" + event.reason())))
                .collect(Collectors.joining("；"));
        return decided.isEmpty() ? "无" : decided;
    }

    /** Lump-sum claims may have no stay or expenses: the form shows those fields empty. */
    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }

    private static String figure(Expenses expenses, Function<Expenses, BigDecimal> figure) {
        return expenses == null ? "" : text(figure.apply(expenses));
    }
}
