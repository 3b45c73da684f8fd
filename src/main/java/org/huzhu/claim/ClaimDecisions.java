package org.huzhu.claim;

import java.time.Clock;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what the agency and the league decided on a claim, and what follows for it. */
@Service
public class ClaimDecisions {

    private final Claims claims;
    private final ClaimHistory history;
    private final Clock clock;

    ClaimDecisions(Claims claims, ClaimHistory history, Clock clock) {
        this.claims = claims;
        this.history = history;
        this.clock = clock;
    }

    /** Checks a decision before anything is done with it; a rejection or return needs a reason. */
    public static void validate(AuditStage stage, String outcome, String reason) {
        Problems problems = new Problems();
        Decision decision = parse(outcome);
        if (outcome == null || outcome.isBlank()) {
            problems.add("outcome", "REQUIRED", "请选择审核结论");
        } else if (decision == null || !stage.allows(decision)) {
            problems.add("outcome", "OUTCOME_NOT_ALLOWED", stage.label() + "不能作出此结论：" + outcome);
        } else if (decision != Decision.APPROVE && (reason == null || reason.isBlank())) {
            problems.add("reason", "REQUIRED", "驳回或退回时请填写原因");
        }
        if (reason != null && reason.length() > 500) {
            problems.add("reason", "TOO_LONG", "原因最多500个字");
        }
        problems.throwIfAny();
    }

    @Transactional
    public Decision decide(long claimId, AuditStage stage, String outcome, String reason, String actor) {
        validate(stage, outcome, reason);
        Decision decision = parse(outcome);
        Claim claim = claims.get(claimId);
        if (!claim.status().name().equals(stage.name())) {
            throw DomainException.conflict("CLAIM_NOT_AT_STAGE", "申请不在" + stage.label() + "环节");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        switch (decision) {
            case APPROVE -> {
                if (stage == AuditStage.LEAGUE_AUDIT) {
                    claim.approveForPayout();
                }
            }
            case REJECT -> claim.reject(stage.label() + "驳回：" + why);
            case RETURN -> claim.returnToAgency();
        }
        claims.update(claim);
        if (decision == Decision.REJECT) {
            claims.releaseInvoices(claimId);
        }
        history.record(claimId, stage.name(), actor, clock.instant(), decision.name(), why);
        return decision;
    }

    private static Decision parse(String outcome) {
        try {
            return outcome == null ? null : Decision.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
