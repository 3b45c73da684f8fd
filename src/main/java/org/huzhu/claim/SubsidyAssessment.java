package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.Clock;

import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.DomainException;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.SubsidyCalculation;
import org.huzhu.scheme.SubsidyCalculator;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Calculates a claim's subsidy on the rule set in force on its admission date. */
@Service
public class SubsidyAssessment {

    private final Claims claims;
    private final ClaimHistory history;
    private final Members members;
    private final RuleSets ruleSets;
    private final Clock clock;

    SubsidyAssessment(Claims claims, ClaimHistory history, Members members, RuleSets ruleSets, Clock clock) {
        this.claims = claims;
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /**
     * Locks the member first, so that two claims of one member calculated at the same moment
     * see each other's subsidy and never pass the annual cap together.
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
        RuleSet rules = ruleSets.inForce(claim.scheme(), member.organiserCode(), claim.admissionDate())
                .orElseThrow(() -> DomainException.conflict("NO_RULE_SET", "入院日期没有适用的保障规则"));
        if (rules.definition().expenseBenefit() == null) {
            throw DomainException.conflict("NOT_EXPENSE_BENEFIT", "该保障项目不按费用计算补助");
        }
        int schemeYear = rules.definition().schemeYearOf(claim.admissionDate());
        BigDecimal held = claims.subsidyHeld(member.id(), claim.scheme(), schemeYear, claimId);
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules.definition().expenseBenefit(),
                claim.expenses(), held);
        claim.calculated(rules.id(), schemeYear, calculation);
        claims.update(claim);
        history.record(claimId, "SUBSIDY_CALCULATED", Staff.SYSTEM, clock.instant(), null,
                "合规自付" + calculation.eligibleBase() + "元，补助" + calculation.subsidy() + "元（"
                        + rules.scheme() + "规则第" + rules.version() + "版，" + schemeYear + "保障年度）");
        return calculation;
    }
}
