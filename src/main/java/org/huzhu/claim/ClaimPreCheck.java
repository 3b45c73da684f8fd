package org.huzhu.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.membership.Enrolment;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks a machine can do before any person looks: cover, dates, the diagnosis, the claim
 * window, invoices used twice, and the papers the rule set asks for.
 */
@Service
public class ClaimPreCheck {

    private final Claims claims;
    private final ClaimHistory history;
    private final Members members;
    private final RuleSets ruleSets;
    private final MemberCover cover;
    private final MemberNotices notices;
    private final Clock clock;

    ClaimPreCheck(Claims claims, ClaimHistory history, Members members, RuleSets ruleSets, MemberCover cover,
                  MemberNotices notices, Clock clock) {
        this.claims = claims;
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.cover = cover;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public PreCheckOutcome run(long claimId) {
        Claim claim = claims.get(claimId);
        Member member = members.byId(claim.memberId());
        BenefitKind kind = ruleSets.scheme(claim.scheme()).orElseThrow().benefitKind();
        LocalDate on = claim.facts().eventDate(kind);
        Optional<RuleSet> rules = ruleSets.inForce(claim.scheme(), member.organiserCode(), on);
        Optional<String> ineligible = ineligibility(claim, member, kind, on, rules);
        if (ineligible.isEmpty()) {
            List<Invoice> taken = claims.holdInvoices(claimId, claim.invoices());
            if (!taken.isEmpty()) {
                ineligible = Optional.of("发票已用于其他申请：" + String.join("、",
                        taken.stream().map(i -> i.code() + "-" + i.number()).toList()));
            }
        }
        if (ineligible.isPresent()) {
            claim.reject(ineligible.get());
            claims.update(claim);
            claims.releaseInvoices(claimId);
            history.record(claimId, "PRE_CHECK", Staff.SYSTEM, clock.instant(), PreCheckOutcome.INELIGIBLE.name(),
                    ineligible.get());
            return PreCheckOutcome.INELIGIBLE;
        }
        Set<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
        missing.addAll(rules.orElseThrow().definition().documentsFor(claim.diagnosisCode()));
        missing.removeAll(claim.documents());
        if (!missing.isEmpty()) {
            claim.awaitSupplements(missing);
            claims.update(claim);
            history.record(claimId, "PRE_CHECK", Staff.SYSTEM, clock.instant(), PreCheckOutcome.INCOMPLETE.name(),
                    "缺少材料：" + String.join("、", missing.stream().map(DocumentKind::label).toList()));
            notices.supplementsNeeded(claim, missing);
            return PreCheckOutcome.INCOMPLETE;
        }
        claim.materialsComplete(clock.instant());
        claims.update(claim);
        history.record(claimId, "PRE_CHECK", Staff.SYSTEM, clock.instant(), PreCheckOutcome.ELIGIBLE.name(), null);
        return PreCheckOutcome.ELIGIBLE;
    }

    private Optional<String> ineligibility(Claim claim, Member member, BenefitKind kind, LocalDate on,
                                           Optional<RuleSet> rules) {
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        Problems dates = new Problems();
        if (kind == BenefitKind.EXPENSE || claim.admissionDate() != null) {
            SubmissionRules.checkStay(claim.admissionDate(), claim.dischargeDate(), true, today, dates);
        }
        SubmissionRules.checkDiagnosis(claim.diagnosisCode(), claim.diagnosisDate(), kind == BenefitKind.LUMP_SUM,
                today, dates);
        if (!dates.isEmpty()) {
            return Optional.of("入院、出院或确诊日期不合理");
        }
        Optional<String> refused = cover.refusal(member, claim.scheme(), kind, on, rules);
        if (refused.isPresent()) {
            return refused;
        }
        RuleSetDefinition definition = rules.get().definition();
        Optional<String> notCovered = definition.whyNotCovered(claim.diagnosisCode());
        if (notCovered.isPresent()) {
            return notCovered;
        }
        LocalDate submitted = LocalDate.ofInstant(claim.submittedAt(), Beijing.ZONE);
        LocalDate protectionEnd = members.enrolmentOn(member.id(), claim.scheme(), on).map(Enrolment::validTo)
                .orElseThrow();
        if (submitted.isAfter(definition.lastClaimDay(claim.dischargeDate(), claim.diagnosisDate(), protectionEnd))) {
            return Optional.of("已超过申领期限（" + definition.claimWindowFrom().label() + "后"
                    + definition.claimWindowDays() + "天内）");
        }
        return Optional.empty();
    }
}
