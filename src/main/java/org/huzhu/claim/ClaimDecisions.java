package org.huzhu.claim;

import java.time.Clock;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.Problems;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the agency and the league decided on a claim, and what follows for it. A league
 * approval does not release the payment by itself: the process approves the claim for payout
 * once every check its approval routing asked for has approved.
 */
@Service
public class ClaimDecisions {

    private final Claims claims;
    private final ClaimHistory history;
    private final MemberNotices notices;
    private final ClaimReviews reviews;
    private final Clock clock;

    ClaimDecisions(Claims claims, ClaimHistory history, MemberNotices notices, ClaimReviews reviews, Clock clock) {
        this.notices = notices;
        this.claims = claims;
        this.history = history;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Checks a decision before anything is done with it: a rejection or return needs a reason, and
     * a rejection its category.
     */
    public static void validate(AuditStage stage, String outcome, String category, String reason) {
        Problems problems = new Problems();
        Decision decision = parse(outcome);
        if (outcome == null || outcome.isBlank()) {
            problems.add("outcome", "REQUIRED", "请选择审核结论");
        } else if (decision == null || !stage.allows(decision)) {
            problems.add("outcome", "OUTCOME_NOT_ALLOWED", stage.label() + "不能作出此结论：" + outcome);
        } else if (stage == AuditStage.REJECTION_REVIEW && (reason == null || reason.isBlank())) {
            problems.add("reason", "REQUIRED", "请填写复核意见（维持驳回时告知会员）");
        } else if (decision != Decision.APPROVE && (reason == null || reason.isBlank())) {
            problems.add("reason", "REQUIRED", "驳回或退回时请填写原因");
        }
        if (decision == Decision.REJECT && stage.allows(decision)) {
            if (category == null || category.isBlank()) {
                problems.add("rejectionCategory", "REQUIRED", "请选择驳回类别");
            } else if (RejectionCategory.of(category).isEmpty()) {
                problems.add("rejectionCategory", "UNKNOWN_CATEGORY", "没有这个驳回类别：" + category);
            }
        }
        if (reason != null && reason.length() > 500) {
            problems.add("reason", "TOO_LONG", "原因最多500个字");
        }
        problems.throwIfAny();
    }

    @Transactional
    public Decision decide(long claimId, AuditStage stage, String outcome, String category, String reason,
                           String actor) {
        validate(stage, outcome, category, reason);
        Decision decision = parse(outcome);
        Claim claim = claims.get(claimId);
        if (claim.status() != stage.claimStatus()) {
            throw DomainException.conflict("CLAIM_NOT_AT_STAGE", "申请不在" + stage.label() + "环节");
        }
        if (stage == AuditStage.REJECTION_REVIEW) {
            reviews.decide(claimId, decision, reason, actor);
            return decision;
        }
        if (stage.confirmsLeagueAudit() && history.leagueDecidersSinceLastAudit(claimId).contains(actor)) {
            throw DomainException.conflict("SAME_DECIDER", stage.label() + "须由未审核过此申请的人办理");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        switch (decision) {
            case APPROVE -> {
            }
            case REJECT -> claim.reject(RejectionCategory.of(category).orElseThrow(), stage.label() + "驳回：" + why);
            case RETURN -> claim.returnToAgency();
            default -> throw new IllegalStateException(stage + " cannot decide " + decision);
        }
        claims.update(claim);
        if (decision == Decision.REJECT) {
            claims.releaseInvoices(claimId);
        }
        history.record(claimId, stage.name(), actor, clock.instant(), decision.name(),
                decision == Decision.REJECT ? claim.rejectionCategory().label() + "：" + why : why);
        return decision;
    }

    /** Every check the approval routing asked for has approved: the claim goes to payout. Repeating it changes nothing. */
    @Transactional
    public void approveForPayout(long claimId) {
        Claim claim = claims.get(claimId);
        if (claim.status() == ClaimStatus.PAYOUT) {
            return;
        }
        claim.approveForPayout();
        claims.update(claim);
        history.record(claimId, "APPROVED_FOR_PAYOUT", Staff.SYSTEM, clock.instant(), null, "审批完成，进入支付");
        notices.approved(claim);
    }

    private static Decision parse(String outcome) {
        try {
            return outcome == null ? null : Decision.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
