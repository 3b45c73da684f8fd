package org.huzhu.claim;

import java.time.LocalDate;
import java.util.Optional;

import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.MemberStanding;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.springframework.stereotype.Component;

/**
 * Whether a member is covered for an event, and where they stand in the scheme: one answer
 * for the pre-check, the subsidy calculation and the quote.
 */
@Component
class MemberCover {

    private final Members members;
    private final Claims claims;

    MemberCover(Members members, Claims claims) {
        this.members = members;
        this.claims = claims;
    }

    /**
     * Why the member may not claim for an event on the day: not enrolled, no rules in force,
     * not eligible under them, or still in the waiting period.
     */
    Optional<String> refusal(Member member, String scheme, BenefitKind kind, LocalDate on, Optional<RuleSet> rules) {
        if (members.enrolmentOn(member.id(), scheme, on).isEmpty()) {
            return Optional.of(kind.eventLabel() + "不在该会员的参保期内");
        }
        if (rules.isEmpty()) {
            return Optional.of(kind.eventLabel() + "没有适用的保障规则");
        }
        RuleSetDefinition definition = rules.get().definition();
        Optional<String> ineligible = definition.whyNotEligible(member.insuranceType(), member.sex(),
                member.birthDate(), on);
        if (ineligible.isPresent()) {
            return ineligible;
        }
        LocalDate since = members.coveredSince(member.id(), scheme, on).orElseThrow();
        if (definition.waitingShare(since, on).signum() == 0) {
            return Optional.of(kind.eventLabel() + "在等待期内（自" + since + "起连续参保），不予补助");
        }
        return Optional.empty();
    }

    /** The member's continuous cover and their other granted claims, as the calculation needs them. */
    MemberStanding standing(Member member, String scheme, RuleSetDefinition rules, LocalDate on, long exceptClaimId) {
        LocalDate since = members.coveredSince(member.id(), scheme, on).orElse(null);
        return claims.standing(member.id(), scheme, rules.schemeYearOf(on), since, exceptClaimId);
    }
}
