package org.huzhu.claim;

import java.time.Clock;
import java.time.LocalDate;

import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.DomainException;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.SubsidyCalculation;
import org.huzhu.scheme.SubsidyCalculator;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calculates a claim's subsidy on the rule set in force on its admission date (its diagnosis
 * date for a lump sum). The claim keeps that rule set's id, so a later revision never changes it.
 */
@Service
public class SubsidyAssessment {

    private final Claims claims;
    private final ClaimHistory history;
    private final Members members;
    private final RuleSets ruleSets;
    private final MemberCover cover;
    private final Clock clock;

    SubsidyAssessment(Claims claims, ClaimHistory history, Members members, RuleSets ruleSets, MemberCover cover,
                      Clock clock) {
        this.claims = claims;
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.cover = cover;
        this.clock = clock;
    }

    /**
     * Locks the member first, so that two claims of one member calculated at the same moment
     * see each other's subsidy and never pass the annual cap, the number of claims or a
     * diagnosis group's single payment together.
     */
    @Transactional
    public SubsidyCalculation calculate(long claimId) {
        Claim unlocked = claims.get(claimId);
        members.lock(unlocked.memberId());
        Claim claim = claims.get(claimId);
        if (claim.status() == ClaimStatus.LEAGUE_AUDIT) {
            return claim.breakdown();
        }
        Member member = members.byId(claim.memberId());
        BenefitKind kind = ruleSets.scheme(claim.scheme()).orElseThrow().benefitKind();
        LocalDate on = claim.facts().eventDate(kind);
        RuleSet rules = ruleSets.inForce(claim.scheme(), member.organiserCode(), on)
                .orElseThrow(() -> DomainException.conflict("NO_RULE_SET", kind.eventLabel() + "没有适用的保障规则"));
        int schemeYear = rules.definition().schemeYearOf(on);
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules.definition(), claim.facts(),
                cover.standing(member, claim.scheme(), rules.definition(), on, claimId));
        claim.calculated(rules.id(), schemeYear, calculation);
        claims.update(claim);
        history.record(claimId, "SUBSIDY_CALCULATED", Staff.SYSTEM, clock.instant(), null,
                (calculation.eligibleBase() == null ? "" : "合规自付" + calculation.eligibleBase() + "元，")
                        + "补助" + calculation.subsidy() + "元（" + rules.scheme() + "规则第" + rules.version() + "版，"
                        + schemeYear + "保障年度）");
        return calculation;
    }
}
