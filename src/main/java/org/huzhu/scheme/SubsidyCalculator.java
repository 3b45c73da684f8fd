package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.huzhu.platform.Money;

/**
 * Computes a claim's subsidy on a rule set. Pure and stateless: the same figures give the same
 * answer, so a quote at the counter and the claim's own calculation agree.
 */
public final class SubsidyCalculator {

    private SubsidyCalculator() {
    }

    public static SubsidyCalculation calculate(RuleSetDefinition rules, ClaimFacts claim, MemberStanding member) {
        return rules.lumpSumBenefit() != null ? lumpSum(rules, claim, member) : expense(rules, claim, member);
    }

    /**
     * Tiers over the base after the deductible, topped up to the minimum per stay, plus the
     * daily allowance; then the waiting period, the number of claims, the per-claim and the
     * annual cap, in that order.
     */
    private static SubsidyCalculation expense(RuleSetDefinition rules, ClaimFacts claim, MemberStanding member) {
        ExpenseBenefit benefit = rules.expenseBenefit();
        BigDecimal base = claim.expenses().eligibleBase();
        BigDecimal afterDeductible = base.subtract(benefit.deductible()).max(BigDecimal.ZERO);
        List<TierLine> lines = new ArrayList<>();
        BigDecimal tiers = BigDecimal.ZERO;
        for (RateTier tier : benefit.tiers()) {
            BigDecimal portion = tier.portionOf(afterDeductible);
            BigDecimal amount = portion.multiply(tier.rate());
            lines.add(new TierLine(tier.from(), tier.to(), portion, tier.rate(), amount));
            tiers = tiers.add(amount);
        }
        BigDecimal topUp = Money.ZERO;
        if (benefit.minimumPerStay() != null && tiers.signum() > 0) {
            topUp = benefit.minimumPerStay().min(base).subtract(tiers).max(Money.ZERO);
        }
        AllowanceLine allowance = allowance(benefit.dailyAllowance(), claim, member.coveredSince());
        BigDecimal beforeCap = tiers.add(topUp).add(allowance == null ? BigDecimal.ZERO : allowance.amount());

        Reductions reductions = waited(rules, beforeCap, claim.admissionDate(), member.coveredSince());
        if (benefit.claimsPerYear() != null && member.claimsThisYear() >= benefit.claimsPerYear()) {
            reductions.limit(Cut.Rule.CLAIMS_PER_YEAR, BigDecimal.ZERO, "本保障年度已获补助" + member.claimsThisYear()
                    + "次，每年最多补助" + benefit.claimsPerYear() + "次");
        }
        if (benefit.perClaimCap() != null) {
            reductions.limit(Cut.Rule.PER_CLAIM_CAP, benefit.perClaimCap(),
                    "每次最多补助" + benefit.perClaimCap().toPlainString() + "元");
        }
        BigDecimal capRemaining = benefit.annualCap().subtract(member.paidThisYear()).max(Money.ZERO);
        reductions.limit(Cut.Rule.ANNUAL_CAP, capRemaining, "年度封顶" + benefit.annualCap().toPlainString()
                + "元，本保障年度已获" + member.paidThisYear().toPlainString() + "元，尚余" + capRemaining.toPlainString() + "元");
        return new SubsidyCalculation(base, benefit.deductible(), lines, topUp, allowance, null, beforeCap,
                reductions.cuts(), benefit.annualCap(), member.paidThisYear(), capRemaining,
                reductions.cutBy(Cut.Rule.ANNUAL_CAP), reductions.subsidy());
    }

    /** The group's amount, after the waiting period, and nothing when the group was paid already. */
    private static SubsidyCalculation lumpSum(RuleSetDefinition rules, ClaimFacts claim, MemberStanding member) {
        LumpSumBenefit benefit = rules.lumpSumBenefit();
        Optional<DiagnosisGroup> group = benefit.groupOf(claim.diagnosisCode());
        BigDecimal beforeCap = group.map(DiagnosisGroup::amount).orElse(Money.ZERO);
        Reductions reductions = waited(rules, beforeCap, claim.diagnosisDate(), member.coveredSince());
        if (group.isPresent() && benefit.paidOncePerGroup() && member.paidGroups().contains(group.get().code())) {
            reductions.limit(Cut.Rule.ALREADY_PAID_FOR_GROUP, BigDecimal.ZERO,
                    "该会员已获" + group.get().name() + "补助，同一病种只补助一次");
        }
        DiagnosisGroupLine line = group.map(g -> new DiagnosisGroupLine(g.code(), g.name(),
                Icd10.canonical(claim.diagnosisCode()), g.amount())).orElse(null);
        return new SubsidyCalculation(null, null, List.of(), null, null, line, beforeCap, reductions.cuts(), null,
                member.paidThisYear(), null, Money.ZERO, reductions.subsidy());
    }

    private static Reductions waited(RuleSetDefinition rules, BigDecimal benefit, LocalDate on, LocalDate coveredSince) {
        Reductions reductions = new Reductions(benefit);
        BigDecimal share = rules.waitingShare(coveredSince, on);
        reductions.share(Cut.Rule.WAITING_PERIOD, share, share.signum() == 0
                ? "参保第" + dayOfCover(coveredSince, on) + "天，在等待期内，不予补助"
                : "参保第" + dayOfCover(coveredSince, on) + "天，在减付期内，按" + share.toPlainString() + "给付");
        return reductions;
    }

    /** Days in hospital (admission day counted, discharge day not; at least one), up to the rules' maximum. */
    private static AllowanceLine allowance(DailyAllowance rule, ClaimFacts claim, LocalDate coveredSince) {
        if (rule == null) {
            return null;
        }
        int days = claim.dischargeDate() == null ? 0
                : (int) Math.max(1, ChronoUnit.DAYS.between(claim.admissionDate(), claim.dischargeDate()));
        if (rule.maxDays() != null) {
            days = Math.min(days, rule.maxDays());
        }
        int years = coveredSince == null || coveredSince.isAfter(claim.admissionDate()) ? 0
                : Period.between(coveredSince, claim.admissionDate()).getYears();
        AllowanceBand band = rule.bandFor(years);
        return new AllowanceLine(days, years, band.perDay(), band.perDay().multiply(BigDecimal.valueOf(days)));
    }

    private static long dayOfCover(LocalDate coveredSince, LocalDate on) {
        return coveredSince == null ? 0 : ChronoUnit.DAYS.between(coveredSince, on) + 1;
    }
}
