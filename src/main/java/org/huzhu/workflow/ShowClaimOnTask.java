package org.huzhu.workflow;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.Claims;
import org.huzhu.claim.DocumentKind;
import org.huzhu.scheme.SubsidyCalculation;
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

    ShowClaimOnTask(Claims claims, ClaimSummaries summaries) {
        this.claims = claims;
        this.summaries = summaries;
    }

    @Override
    public void notify(DelegateTask task) {
        AuditTask audit = AuditTask.of(task.getTaskDefinitionKey()).orElseThrow();
        task.getExecution().removeVariable(audit.outcomeVariable());
        task.getExecution().removeVariable(audit.reasonVariable());
        long claimId = ProcessVariables.claimId(task);
        Claim claim = claims.get(claimId);
        ClaimSummary summary = summaries.byClaim(claimId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("memberName", summary.memberName());
        view.put("memberIdNumberMasked", summary.memberIdNumberMasked());
        view.put("agencyCode", summary.agencyCode());
        view.put("hospital", summary.hospital());
        view.put("diagnosis", summary.diagnosis());
        view.put("admissionDate", summary.admissionDate().toString());
        view.put("dischargeDate", summary.dischargeDate().toString());
        view.put("expenseTotal", text(claim.expenses().total()));
        view.put("policyScope", text(claim.expenses().policyScope()));
        view.put("fundPaid", text(claim.expenses().fundPaid()));
        view.put("criticalIllnessPaid", text(claim.expenses().criticalIllnessPaid()));
        view.put("medicalAssistancePaid", text(claim.expenses().medicalAssistancePaid()));
        view.put("eligibleAmount", text(claim.expenses().eligibleBase()));
        view.put("subsidy", text(claim.subsidy()));
        view.put("subsidyBreakdown", breakdown(claim.breakdown()));
        view.put("documents", claim.documents().stream().map(DocumentKind::label).collect(Collectors.joining("、")));
        view.put("bankAccount", claim.bankAccount().bankName() + " " + claim.bankAccount().maskedNumber()
                + "（" + claim.bankAccount().accountName() + "）");
        view.put("bankAccountWarning", claim.bankAccount().passesLuhn() ? ""
                : "注意：银行卡号未通过Luhn校验，请核对卡号（部分借记卡属正常情况）");
        task.setVariablesLocal(view);
    }

    private static String text(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String breakdown(SubsidyCalculation calculation) {
        if (calculation == null) {
            return "";
        }
        String tiers = calculation.tiers().stream()
                .map(t -> t.from().toPlainString() + "至" + (t.to() == null ? "以上" : t.to().toPlainString()) + "元部分"
                        + t.base().toPlainString() + "元×" + t.rate().toPlainString() + "=" + t.amount().toPlainString())
                .collect(Collectors.joining("；"));
        String cap = calculation.capCut().signum() > 0
                ? "；年度封顶" + calculation.annualCap().toPlainString() + "元，本年已获" + calculation.paidThisYear().toPlainString()
                        + "元，封顶扣减" + calculation.capCut().toPlainString() + "元"
                : "";
        return tiers + cap + "；补助" + calculation.subsidy().toPlainString() + "元";
    }
}
