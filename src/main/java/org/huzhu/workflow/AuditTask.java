package org.huzhu.workflow;

import java.util.Arrays;
import java.util.Optional;

import org.huzhu.claim.AuditStage;

/** The BPMN user tasks where people decide, and the variables their decision travels in. */
public enum AuditTask {
    AGENCY_CHECK("AgencyCheck", AuditStage.AGENCY_CHECK, "agencyCheck", null),
    LEAGUE_AUDIT("LeagueAudit", AuditStage.LEAGUE_AUDIT, "leagueAudit", null),
    SECOND_AUDIT("SecondAudit", AuditStage.SECOND_AUDIT, "secondAudit", null),
    LEAGUE_HEAD_APPROVAL("LeagueHeadApproval", AuditStage.LEAGUE_HEAD_APPROVAL, "leagueHead", null),
    COMMITTEE_REVIEW("CommitteeReview", AuditStage.COMMITTEE_REVIEW, "committee", null),
    /** The review of a rejection (rejection-review.bpmn), by a league head; not the second audit. */
    REJECTION_REVIEW_BY_LEAGUE_HEAD("RejectionReviewByLeagueHead", AuditStage.REJECTION_REVIEW, "rejectionReview",
            "复核申请审理（协会负责人）"),
    /** The same review by the committee, when the claim's subsidy would need the committee's approval. */
    REJECTION_REVIEW_BY_COMMITTEE("RejectionReviewByCommittee", AuditStage.REJECTION_REVIEW, "rejectionReview",
            "复核申请审理（互助保障委员会）");

    private final String taskDefinitionKey;
    private final AuditStage stage;
    private final String variablePrefix;
    private final String label;

    /** The decision travels in variables named by the prefix: {@code <prefix>Outcome}, {@code <prefix>Reason}, ... */
    AuditTask(String taskDefinitionKey, AuditStage stage, String variablePrefix, String label) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.stage = stage;
        this.variablePrefix = variablePrefix;
        this.label = label;
    }

    /** What the task is called where tasks are picked by it: its stage's name, unless two tasks share the stage. */
    public String label() {
        return label != null ? label : stage.label();
    }

    public static Optional<AuditTask> of(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(t -> t.taskDefinitionKey.equals(taskDefinitionKey)).findFirst();
    }

    public String taskDefinitionKey() {
        return taskDefinitionKey;
    }

    public AuditStage stage() {
        return stage;
    }

    public String outcomeVariable() {
        return variablePrefix + "Outcome";
    }

    public String reasonVariable() {
        return variablePrefix + "Reason";
    }

    /** The rejection's category (claim/RejectionCategory), set only when the decision is a rejection. */
    public String categoryVariable() {
        return variablePrefix + "RejectionCategory";
    }
}
