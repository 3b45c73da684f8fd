package org.huzhu.workflow;

/**
 * A check the approval routing may add after the league audit: the value the decision table
 * {@code approval-routing} gives in its {@code step} column, the boolean variable the
 * business rule task RouteApproval sets from it, and the audit task it leads to.
 */
public enum ApprovalStep {
    SECOND_AUDIT("secondAudit", AuditTask.SECOND_AUDIT),
    LEAGUE_HEAD("leagueHeadApproval", AuditTask.LEAGUE_HEAD_APPROVAL),
    COMMITTEE("committeeReview", AuditTask.COMMITTEE_REVIEW);

    public static final String DECISION_KEY = "approval-routing";
    public static final String OUTPUT = "step";

    private final String variable;
    private final AuditTask task;

    ApprovalStep(String variable, AuditTask task) {
        this.variable = variable;
        this.task = task;
    }

    public String variable() {
        return variable;
    }

    public String label() {
        return task.stage().label();
    }
}
