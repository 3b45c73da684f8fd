package org.huzhu.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.huzhu.membership.Enrolment;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.papers.Paper;
import org.huzhu.papers.Papers;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.Icd10;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Role;
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
    private final ClaimIntake intake;
    private final ClaimAccess access;
    private final Papers papers;
    private final Clock clock;

    ClaimPreCheck(Claims claims, ClaimHistory history, Members members, RuleSets ruleSets, MemberCover cover,
                  MemberNotices notices, ClaimIntake intake, ClaimAccess access, Papers papers, Clock clock) {
        this.papers = papers;
        this.claims = claims;
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.cover = cover;
        this.notices = notices;
        this.intake = intake;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public PreCheckOutcome run(long claimId) {
        Claim claim = claims.get(claimId);
        PreCheckVerdict verdict = verdict(claim, members.byId(claim.memberId()), papers.ofClaim(claimId),
                invoices -> claims.holdInvoices(claimId, invoices));
        switch (verdict.outcome()) {
            case INELIGIBLE -> {
                claim.reject(null, verdict.reason());
                claims.update(claim);
                claims.releaseInvoices(claimId);
                history.record(claimId, "PRE_CHECK", Staff.SYSTEM, clock.instant(), PreCheckOutcome.INELIGIBLE.name(),
                        verdict.reason());
            }
            case INCOMPLETE -> {
                claim.awaitSupplements(verdict.missing());
                claims.update(claim);
                history.record(claimId, "PRE_CHECK", Staff.SYSTEM, clock.instant(), PreCheckOutcome.INCOMPLETE.name(),
                        verdict.reason());
                notices.supplementsNeeded(claim, verdict.missing());
            }
            case ELIGIBLE -> {
                claim.materialsComplete(clock.instant());
                claims.update(claim);
                history.record(claimId, "PRE_CHECK", Staff.SYSTEM, clock.instant(), PreCheckOutcome.ELIGIBLE.name(), null);
            }
        }
        return verdict.outcome();
    }

    /**
     * What the pre-check would find if the claim were handed in now, storing nothing and taking no
     * invoice: for the counter's form, so that a typo is caught before it becomes a rejection.
     * Needs the member, the scheme and the day that decides cover; field problems otherwise.
     *
     * @param files the files the form holds so far: their kinds count as handed in, their QR codes' invoices are checked
     */
    @Transactional(readOnly = true)
    public PreCheckVerdict preview(ClaimSubmission submission, List<Paper> files, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        if (ResidentIdNumber.parse(submission.memberIdNumber()).isEmpty()) {
            problems.add("memberIdNumber", "INVALID_ID_NUMBER", "身份证号不正确（应为18位，校验位不符）");
        }
        Optional<Scheme> scheme = submission.scheme() == null ? Optional.empty() : ruleSets.scheme(submission.scheme());
        if (scheme.isEmpty()) {
            problems.add("scheme", "REQUIRED", "请选择保障项目");
        } else {
            // the dates as a submission is checked: the verdict then speaks of cover, not of a typing slip
            LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
            boolean lumpSum = scheme.get().benefitKind() == BenefitKind.LUMP_SUM;
            if (!lumpSum || submission.admissionDate() != null || submission.dischargeDate() != null) {
                SubmissionRules.checkStay(submission.admissionDate(), submission.dischargeDate(), true, today, problems);
            }
            SubmissionRules.checkDiagnosis(submission.diagnosisCode(), submission.diagnosisDate(), lumpSum, today,
                    problems);
        }
        problems.throwIfAny();
        Member member = intake.member(submission.memberIdNumber());
        access.requireIntake(clerk, member.agencyCode());
        Claim draft = Claim.submitted(member.id(), submission.scheme(), member.agencyId(), submission.admissionDate(),
                submission.dischargeDate(), submission.hospital(), submission.diagnosis(),
                Icd10.canonical(submission.diagnosisCode()), submission.diagnosisDate(), null, null,
                ClaimIntake.invoices(submission),
                handedIn(submission, files), clerk.userId(), clock.instant());
        return verdict(draft, member, files, claims::invoicesHeldElsewhere);
    }

    private static Set<DocumentKind> handedIn(ClaimSubmission submission, List<Paper> files) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        kinds.addAll(SubmissionRules.documentKinds(submission.documents(), "documents", new Problems()));
        files.forEach(file -> kinds.add(file.kind()));
        return kinds;
    }

    /**
     * The pre-check's finding on a claim, stored or not.
     *
     * @param files          the claim's files: the invoices their QR codes name are checked beside the typed ones
     * @param takenElsewhere the claim's invoices that other live claims hold
     */
    private PreCheckVerdict verdict(Claim claim, Member member, List<Paper> files,
                                    Function<List<Invoice>, List<Invoice>> takenElsewhere) {
        BenefitKind kind = ruleSets.scheme(claim.scheme()).orElseThrow().benefitKind();
        LocalDate on = claim.facts().eventDate(kind);
        Optional<RuleSet> rules = ruleSets.inForce(claim.scheme(), member.organiserCode(), on);
        Integer paymentDays = rules.map(r -> r.definition().paymentDeadlineWorkingDays()).orElse(null);
        Optional<String> ineligible = ineligibility(claim, member, kind, on, rules);
        if (ineligible.isEmpty()) {
            List<Invoice> taken = takenElsewhere.apply(Invoice.typedAndRead(claim.invoices(), files));
            if (!taken.isEmpty()) {
                ineligible = Optional.of("发票已用于其他申请：" + String.join("、",
                        taken.stream().map(Invoice::label).toList()));
            }
        }
        if (ineligible.isPresent()) {
            return new PreCheckVerdict(PreCheckOutcome.INELIGIBLE, ineligible.get(), Set.of(), paymentDays);
        }
        Set<DocumentKind> missing = EnumSet.noneOf(DocumentKind.class);
        missing.addAll(rules.orElseThrow().definition().documentsFor(claim.diagnosisCode()));
        missing.removeAll(claim.documents());
        if (!missing.isEmpty()) {
            return new PreCheckVerdict(PreCheckOutcome.INCOMPLETE,
                    "缺少材料：" + String.join("、", missing.stream().map(DocumentKind::label).toList()), missing, paymentDays);
        }
        return new PreCheckVerdict(PreCheckOutcome.ELIGIBLE, null, Set.of(), paymentDays);
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
