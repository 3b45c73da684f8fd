package org.huzhu.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.membership.Agency;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Money;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.ClaimFacts;
import org.huzhu.scheme.Icd10;
import org.huzhu.scheme.MemberStanding;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.scheme.SubsidyCalculation;
import org.huzhu.scheme.SubsidyCalculator;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells counter staff what a claim would be paid, with the calculator the claim itself will use. */
@Service
public class SubsidyQuotes {

    /** A quote is no claim: none of the member's claims is left out of their standing. */
    private static final long NO_CLAIM = 0;

    private final RuleSets ruleSets;
    private final Members members;
    private final Organisations organisations;
    private final MemberCover cover;
    private final ClaimAccess access;
    private final Clock clock;

    SubsidyQuotes(RuleSets ruleSets, Members members, Organisations organisations, MemberCover cover,
                  ClaimAccess access, Clock clock) {
        this.ruleSets = ruleSets;
        this.members = members;
        this.organisations = organisations;
        this.cover = cover;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SubsidyQuote quote(QuoteRequest request, Staff staff) {
        if (!staff.hasAny(Role.CLERK, Role.AGENCY_AUDITOR, Role.LEAGUE_AUDITOR, Role.LEAGUE_HEAD, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_ALLOWED_TO_QUOTE", "只有受理员、审核员和管理员可以试算补助");
        }
        Scheme scheme = check(request);
        Member member = request.memberIdNumber() == null ? null
                : members.byIdNumber(ResidentIdNumber.parse(request.memberIdNumber()).orElseThrow().value())
                .orElseThrow(() -> new InvalidInputException("memberIdNumber", "MEMBER_NOT_FOUND", "未找到该身份证号的会员"));
        if (member != null) {
            access.requireMemberRead(staff, member.agencyCode());
        }
        return quote(request, scheme, member, staff);
    }

    /**
     * The member's own quote (线上快办): their cover and earlier claims count as for a claim; the
     * request's member and stand-in figures are theirs, whatever was sent.
     */
    @Transactional(readOnly = true)
    public SubsidyQuote quoteForMember(long memberId, QuoteRequest request) {
        Member member = members.byId(memberId);
        QuoteRequest own = new QuoteRequest(request.scheme(), null, member.idNumber(), request.admissionDate(),
                request.dischargeDate(), request.expenses(), request.diagnosisCode(), request.diagnosisDate(),
                null, null, null);
        return quote(own, check(own), member, null);
    }

    private SubsidyQuote quote(QuoteRequest request, Scheme scheme, Member member, Staff staff) {
        BenefitKind kind = scheme.benefitKind();
        ClaimFacts facts = new ClaimFacts(request.admissionDate(), request.dischargeDate(),
                request.expenses() == null ? null : request.expenses().toExpenses(),
                Icd10.canonical(request.diagnosisCode()), request.diagnosisDate());
        LocalDate on = facts.eventDate(kind);
        String organiser = member != null ? member.organiserCode() : organiserFor(request, staff, scheme);
        RuleSet rules = ruleSets.inForce(scheme.code(), organiser, on).orElseThrow(() -> new InvalidInputException(
                kind == BenefitKind.LUMP_SUM ? "diagnosisDate" : "admissionDate", "NO_RULE_SET",
                kind.eventLabel() + on + "没有" + organiser + "的适用保障规则"));

        List<String> refusals = new ArrayList<>();
        MemberStanding standing;
        if (member != null) {
            cover.refusal(member, scheme.code(), kind, on, Optional.of(rules)).ifPresent(refusals::add);
            standing = cover.standing(member, scheme.code(), rules.definition(), on, NO_CLAIM);
        } else {
            standing = new MemberStanding(request.coveredSince(),
                    Optional.ofNullable(request.alreadyPaidThisYear()).orElse(Money.ZERO),
                    Optional.ofNullable(request.claimsThisYear()).orElse(0), Set.of());
        }
        rules.definition().whyNotCovered(facts.diagnosisCode()).ifPresent(refusals::add);
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules.definition(), facts, standing);
        return new SubsidyQuote(scheme.code(), organiser, new SubsidyQuote.RuleSetVersion(rules.id(), rules.version(),
                rules.effectiveFrom(), rules.effectiveTo(), rules.reason()), rules.definition().schemeYearOf(on),
                refusals, calculation.subsidy(), calculation.inWords(), calculation);
    }

    /** The figures the scheme's kind of benefit needs, as a claim would be checked; every problem at once. */
    private Scheme check(QuoteRequest request) {
        Problems problems = new Problems();
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        Optional<Scheme> scheme = Optional.empty();
        if (request.scheme() == null || request.scheme().isBlank()) {
            problems.add("scheme", "REQUIRED", "请选择保障项目");
        } else {
            scheme = ruleSets.scheme(request.scheme());
            if (scheme.isEmpty()) {
                problems.add("scheme", "UNKNOWN_SCHEME", "没有这个保障项目：" + request.scheme());
            }
        }
        boolean lumpSum = scheme.map(Scheme::benefitKind).orElse(null) == BenefitKind.LUMP_SUM;
        if (!lumpSum || request.admissionDate() != null) {
            SubmissionRules.checkStay(request.admissionDate(), request.dischargeDate(), false, today, problems);
        }
        if (!lumpSum) {
            SubmissionRules.checkExpenses(request.expenses(), problems);
        }
        SubmissionRules.checkDiagnosis(request.diagnosisCode(), request.diagnosisDate(), lumpSum, today, problems);
        if (request.memberIdNumber() != null) {
            if (ResidentIdNumber.parse(request.memberIdNumber()).isEmpty()) {
                problems.add("memberIdNumber", "INVALID_ID_NUMBER", "身份证号不正确（应为18位，校验位不符）");
            }
            notWithMember(problems, "alreadyPaidThisYear", request.alreadyPaidThisYear());
            notWithMember(problems, "claimsThisYear", request.claimsThisYear());
            notWithMember(problems, "coveredSince", request.coveredSince());
        }
        if (request.alreadyPaidThisYear() != null) {
            SubmissionRules.amount(problems, "alreadyPaidThisYear", request.alreadyPaidThisYear(), "本年度已获补助");
        }
        if (request.claimsThisYear() != null && request.claimsThisYear() < 0) {
            problems.add("claimsThisYear", "NEGATIVE", "本年度已获补助次数不能为负数");
        }
        problems.throwIfAny();
        return scheme.orElseThrow();
    }

    private static void notWithMember(Problems problems, String field, Object value) {
        if (value != null) {
            problems.add(field, "NOT_WITH_MEMBER", "已指定会员时按其实际参保和申请情况计算，请勿另填");
        }
    }

    /** The organiser named, else the one of the caller's agencies, else the only one with rules for the scheme. */
    private String organiserFor(QuoteRequest request, Staff staff, Scheme scheme) {
        if (request.organiser() != null && !request.organiser().isBlank()) {
            return request.organiser();
        }
        List<String> ofStaff = staff.agencies().values().stream().flatMap(Collection::stream).distinct()
                .map(organisations::agency).flatMap(Optional::stream).map(Agency::organiserCode).distinct().toList();
        List<String> candidates = ofStaff.isEmpty() ? ruleSets.organisersOf(scheme.code()) : ofStaff;
        if (candidates.size() != 1) {
            throw new InvalidInputException("organiser", "REQUIRED", "请指定主办单位（organiser）");
        }
        return candidates.get(0);
    }
}
