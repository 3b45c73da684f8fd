package org.huzhu.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks a machine can do before any person looks: cover, dates, the claim window,
 * invoices used twice, and the papers the rule set asks for.
 */
@Service
public class ClaimPreCheck {

    private final Claims claims;
    private final ClaimHistory history;
    private final Members members;
    private final RuleSets ruleSets;
    private final MemberNotices notices;
    private final Clock clock;

    ClaimPreCheck(Claims claims, ClaimHistory history, Members members, RuleSets ruleSets, MemberNotices notices,
                  Clock clock) {
        this.claims = claims;
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public PreCheckOutcome run(long claimId) {
        Claim claim = claims.get(claimId);
        Member member = members.byId(claim.memberId());
        Optional<String> ineligible = ineligibility(claim, member);
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
        RuleSet rules = ruleSets.inForce(claim.scheme(), member.organiserCode(), claim.admissionDate()).orElseThrow();
        Set<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
        rules.definition().requiredDocuments().forEach(kind -> missing.add(DocumentKind.valueOf(kind)));
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

    private Optional<String> ineligibility(Claim claim, Member member) {
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        Problems dates = new Problems();
        SubmissionRules.checkStay(claim.admissionDate(), claim.dischargeDate(), today, dates);
        if (!dates.isEmpty()) {
            return Optional.of("入院或出院日期不合理");
        }
        if (!members.isEnrolled(member.id(), claim.scheme(), claim.admissionDate())) {
            return Optional.of("入院日期不在该会员的参保期内");
        }
        Optional<RuleSet> rules = ruleSets.inForce(claim.scheme(), member.organiserCode(), claim.admissionDate());
        if (rules.isEmpty()) {
            return Optional.of("入院日期没有适用的保障规则");
        }
        if (!rules.get().definition().eligibleInsuranceTypes().contains(member.insuranceType().name())) {
            return Optional.of("该会员的医保类型不在本项目保障范围内");
        }
        LocalDate submitted = LocalDate.ofInstant(claim.submittedAt(), Beijing.ZONE);
        LocalDate lastDay = claim.dischargeDate().plusDays(rules.get().definition().claimWindowDays());
        if (submitted.isAfter(lastDay)) {
            return Optional.of("已超过申领期限（出院后" + rules.get().definition().claimWindowDays() + "天内）");
        }
        return Optional.empty();
    }
}
