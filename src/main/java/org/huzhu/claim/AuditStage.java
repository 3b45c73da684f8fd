package org.huzhu.claim;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The human checks a claim may pass, and the decisions each may take. The agency check and the
 * league audit every claim passes; the approval routing adds the others after the league audit.
 * All league-side checks keep the claim in {@link ClaimStatus#LEAGUE_AUDIT}.
 */
public enum AuditStage {
    AGENCY_CHECK("代办点审核", ClaimStatus.AGENCY_CHECK, Set.of(Decision.APPROVE, Decision.REJECT)),
    LEAGUE_AUDIT("协会审核", ClaimStatus.LEAGUE_AUDIT, Set.of(Decision.APPROVE, Decision.REJECT, Decision.RETURN)),
    SECOND_AUDIT("协会复核", ClaimStatus.LEAGUE_AUDIT, Set.of(Decision.APPROVE, Decision.REJECT)),
    LEAGUE_HEAD_APPROVAL("协会负责人审批", ClaimStatus.LEAGUE_AUDIT, Set.of(Decision.APPROVE, Decision.REJECT)),
    COMMITTEE_REVIEW("互助保障委员会审议", ClaimStatus.LEAGUE_AUDIT, Set.of(Decision.APPROVE, Decision.REJECT)),
    /** The review of a rejection the member asked for: not the second audit (协会复核) before an approval. */
    REJECTION_REVIEW("复核申请审理", ClaimStatus.REVIEW, Set.of(Decision.REFUSE, Decision.UPHOLD_AT_AGENCY_CHECK,
            Decision.UPHOLD_AT_LEAGUE_AUDIT));

    private final String label;
    private final ClaimStatus claimStatus;
    private final Set<Decision> decisions;

    AuditStage(String label, ClaimStatus claimStatus, Set<Decision> decisions) {
        this.label = label;
        this.claimStatus = claimStatus;
        this.decisions = decisions;
    }

    public String label() {
        return label;
    }

    /** The status a claim has while it waits for this check. */
    public ClaimStatus claimStatus() {
        return claimStatus;
    }

    public boolean allows(Decision decision) {
        return decisions.contains(decision);
    }

    /** A check that confirms an earlier league decision, so it needs someone who has not yet decided. */
    public boolean confirmsLeagueAudit() {
        return claimStatus == ClaimStatus.LEAGUE_AUDIT && this != LEAGUE_AUDIT;
    }

    /** The checks made at the league, the league audit first. */
    static List<AuditStage> leagueSide() {
        return Arrays.stream(values()).filter(stage -> stage.claimStatus == ClaimStatus.LEAGUE_AUDIT).toList();
    }
}
