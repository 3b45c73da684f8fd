package org.huzhu.workflow;

/**
 * A check the approval routing may add after the league audit: the value the decision table
 * {@code approval-routing} gives in its {@code step} column, the boolean variable the
 * business rule task RouteApproval sets from it, and the user task it leads to.
 */
enum ApprovalStep {
    SECOND_AUDIT("secondAudit", "SecondAudit", "协会复核"),
    LEAGUE_HEAD("leagueHeadApproval", "LeagueHeadApproval", "协会负责人审批"),
    COMMITTEE("committeeReview", "CommitteeReview", "互助保障委员会审议");

    static final String DECISION_KEY = "approval-routing";
    static final String OUTPUT = "step";

    private final String variable;
    private final String taskDefinitionKey;
    private final String label;

    ApprovalStep(String variable, String taskDefinitionKey, String label) {
        this.variable = variable;
        this.taskDefinitionKey = taskDefinitionKey;
        this.label = label;
    }

    String variable() {
        return variable;
    }

    String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    String label() {
        return label;
    }
}
