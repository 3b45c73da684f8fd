package org.huzhu.workflow;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
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
 * When a task of a claim is created: puts a masked, read-only view of the claim on the task,
 * as one Markdown text ({@code claimView}) its Camunda Form shows, plus the four values the
 * Tasklist filters list ({@code memberName}, {@code agencyCode}, {@code eligibleAmount},
 * {@code subsidy}) and the payment deadline its task cards show ({@link DeadlineOnTask}); and
 * clears the stage's previous decision so the form starts empty. One text instead of a
 * variable per field keeps a task's creation and completion to a few rows. The claim itself
 * stays in our tables; these task-local values vanish with the task. What people typed (names,
 * hospital, diagnosis, bank, reasons) goes into the Markdown as {@link #literal} text, so that
 * {@code <img onerror=...>} or {@code [x](javascript:...)} shows as typed instead of as markup.
 */
@Component("showClaimOnTask")
class ShowClaimOnTask implements TaskListener {

    private static final String MARKDOWN_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Claims claims;
    private final ClaimSummaries summaries;
    private final ClaimHistory history;
    private final DeadlineOnTask deadline;

    ShowClaimOnTask(Claims claims, ClaimSummaries summaries, ClaimHistory history, DeadlineOnTask deadline) {
        this.claims = claims;
        this.summaries = summaries;
        this.history = history;
        this.deadline = deadline;
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
        StringBuilder view = new StringBuilder("**会员**：" + literal(summary.memberName()) + "（身份证 "
                + literal(summary.memberIdNumberMasked()) + "，代办点 " + literal(summary.agencyCode()) + "）");
        String account = literal(claim.bankAccount().bankName()) + " " + literal(claim.bankAccount().maskedNumber())
                + "（" + literal(claim.bankAccount().accountName()) + "）";
        if (FixAccountTask.KEY.equals(task.getTaskDefinitionKey())) {
            paragraph(view, "**原收款账户**：" + account);
        } else {
            describeClaim(view, claim, summary, account);
            if (!AuditTask.AGENCY_CHECK.taskDefinitionKey().equals(task.getTaskDefinitionKey())) {
                paragraph(view, "**补助金**：" + text(claim.subsidy()) + " 元");
                paragraph(view, "**计算明细**：" + (claim.breakdown() == null ? "" : claim.breakdown().inWords()));
                paragraph(view, "**审批路径**：" + approvalPath(task));
                paragraph(view, "**此前结论**：" + decisionsSoFar(claimId));
            }
        }
        Map<String, Object> values = new HashMap<>(Map.of("memberName", summary.memberName(),
                "agencyCode", summary.agencyCode(), "eligibleAmount", figure(claim.expenses(), Expenses::eligibleBase),
                "subsidy", text(claim.subsidy()), "claimView", view.toString()));
        deadline.of(claimId).ifPresent(due -> values.put(DeadlineOnTask.VARIABLE, due));
        task.setVariablesLocal(values);
    }

    private static void describeClaim(StringBuilder view, Claim claim, ClaimSummary summary, String account) {
        paragraph(view, "**住院**：" + text(summary.admissionDate()) + " 至 " + text(summary.dischargeDate()) + "，"
                + literal(summary.hospital()) + "；诊断：" + literal(summary.diagnosis()) + (claim.diagnosisCode() == null ? ""
                : "（ICD-10 " + literal(claim.diagnosisCode()) + "，" + claim.diagnosisDate() + "确诊）"));
        Expenses expenses = claim.expenses();
        paragraph(view, "**费用（元）**：总费用 " + figure(expenses, Expenses::total) + "；政策范围内 "
                + figure(expenses, Expenses::policyScope) + "；统筹支付 " + figure(expenses, Expenses::fundPaid)
                + "；大病保险 " + figure(expenses, Expenses::criticalIllnessPaid) + "；医疗救助 "
                + figure(expenses, Expenses::medicalAssistancePaid));
        paragraph(view, "**合规自付（补助基数）**：" + figure(expenses, Expenses::eligibleBase) + " 元");
        paragraph(view, "**已交材料**：" + claim.documents().stream().map(DocumentKind::label)
                .collect(Collectors.joining("、")) + "（[在工作台查看材料文件](/claims/" + claim.id() + "#papers)）");
        paragraph(view, "**收款账户**：" + account);
        if (!claim.bankAccount().passesLuhn()) {
            paragraph(view, "注意：银行卡号未通过Luhn校验，请核对卡号（部分借记卡属正常情况）");
        }
    }

    private static void paragraph(StringBuilder view, String text) {
        view.append("\n\n").append(text);
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
                        .map(stage -> stage.label() + "（" + literal(event.actor()) + "）：" + Decision.valueOf(event.decision()).label()
                                + (event.reason() == null ? "" : "，" + literal(event.reason()))))
                .collect(Collectors.joining("；"));
        return decided.isEmpty() ? "无" : decided;
    }

    /**
     * Typed text as Markdown that renders as exactly that text: every ASCII punctuation mark
     * backslash-escaped (CommonMark lets any of them be escaped, and then none starts a tag, a
     * link, an entity or emphasis), line breaks as spaces so no line can start a block.
     */
    private static String literal(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder markdown = new StringBuilder(typed.length() + 16);
        typed.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r') {
                markdown.append(' ');
            } else {
                if (c < 128 && MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                    markdown.append('\\');
                }
                markdown.appendCodePoint(c);
            }
        });
        return markdown.toString();
    }

    /** Lump-sum claims may have no stay or expenses: the view shows those fields empty. */
    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }

    private static String figure(Expenses expenses, Function<Expenses, BigDecimal> figure) {
        return expenses == null ? "" : text(figure.apply(expenses));
    }
}
