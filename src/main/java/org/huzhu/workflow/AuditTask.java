package org.huzhu.workflow;

import java.util.Arrays;
import java.util.Optional;

import org.huzhu.claim.AuditStage;

/** The BPMN user tasks where people decide, and the variables their decision travels in. */
public enum AuditTask {
    AGENCY_CHECK("AgencyCheck", AuditStage.AGENCY_CHECK, "agencyCheckOutcome", "agencyCheckReason"),
    LEAGUE_AUDIT("LeagueAudit", AuditStage.LEAGUE_AUDIT, "leagueAuditOutcome", "leagueAuditReason"),
    SECOND_AUDIT("SecondAudit", AuditStage.SECOND_AUDIT, "secondAuditOutcome", "secondAuditReason"),
    LEAGUE_HEAD_APPROVAL("LeagueHeadApproval", AuditStage.LEAGUE_HEAD_APPROVAL, "leagueHeadOutcome", "leagueHeadReason"),
    COMMITTEE_REVIEW("CommitteeReview", AuditStage.COMMITTEE_REVIEW, "committeeOutcome", "committeeReason"),
    /** The review of a rejection (rejection-review.bpmn), by a league head; not the second audit. */
    REJECTION_REVIEW_BY_LEAGUE_HEAD("RejectionReviewByLeagueHead", AuditStage.REJECTION_REVIEW,
            "rejectionReviewOutcome", "rejectionReviewReason"),
    /** The same review by the committee, when the claim's subsidy would need the committee's approval. */
    REJECTION_REVIEW_BY_COMMITTEE("RejectionReviewByCommittee", AuditStage.REJECTION_REVIEW,
            "rejectionReviewOutcome", "rejectionReviewReason");

    private final String taskDefinitionKey;
    private final AuditStage stage;
    private final String outcomeVariable;
    private final String reasonVariable;

    AuditTask(String taskDefinitionKey, AuditStage stage, String outcomeVariable, String reasonVariable) {
        this.taskDefinitionKey = taskDefinitionKey;
        this.stage = stage;
        this.outcomeVariable = outcomeVariable;
        this.reasonVariable = reasonVariable;
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
        return outcomeVariable;
    }

    public String reasonVariable() {
        return reasonVariable;
    }
}
