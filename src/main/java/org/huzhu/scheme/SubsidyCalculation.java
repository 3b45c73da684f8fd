package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The subsidy with everything needed to check it by hand. Tier amounts are exact and the
 * subsidy is rounded to the fen once, at the end; each cut is shown as what it took off
 * in fen, so {@code beforeCap} rounded, less the cuts, is the subsidy.
 *
 * @param eligibleBase  what the member bears of the compliant expenses (expense benefits)
 * @param deductible    起付线 taken off the base before the tiers
 * @param minimumTopUp  what the minimum per stay added to the tier amounts
 * @param dailyAllowance the daily hospital allowance, when the rules have one
 * @param diagnosisGroup the group a lump-sum claim fell in (none when its code is in no group)
 * @param beforeCap     the benefit before any cut: tiers, top-up and allowance, or the group's amount; unrounded
 * @param cuts          what the waiting period, limits and caps took off, in the order applied
 * @param paidThisYear  what the member had already been granted in the scheme year
 * @param capRemaining  what was left of the annual cap before this claim
 * @param capCut        how much the annual cap took off
 */
public record SubsidyCalculation(BigDecimal eligibleBase, BigDecimal deductible, List<TierLine> tiers,
                                 BigDecimal minimumTopUp, AllowanceLine dailyAllowance,
                                 DiagnosisGroupLine diagnosisGroup, BigDecimal beforeCap, List<Cut> cuts,
                                 BigDecimal annualCap, BigDecimal paidThisYear, BigDecimal capRemaining,
                                 BigDecimal capCut, BigDecimal subsidy) {

    public SubsidyCalculation {
        // Breakdowns stored before a list existed read it as absent.
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        cuts = cuts == null ? List.of() : List.copyOf(cuts);
    }

    /** The calculation in a sentence an auditor or a member can follow, figure by figure. */
    public String inWords() {
        List<String> parts = new ArrayList<>();
        if (deductible != null && deductible.signum() > 0) {
            parts.add("合规自付" + eligibleBase.toPlainString() + "元，起付线" + deductible.toPlainString() + "元");
        }
        for (TierLine tier : tiers) {
            String band = tier.to() == null ? tier.from().toPlainString() + "元以上"
                    : tier.from().toPlainString() + "至" + tier.to().toPlainString() + "元";
            parts.add(band + "部分" + tier.base().toPlainString() + "元×" + tier.rate().toPlainString() + "="
                    + tier.amount().toPlainString());
        }
        if (minimumTopUp != null && minimumTopUp.signum() > 0) {
            parts.add("补足每次最低补助，加" + minimumTopUp.toPlainString() + "元");
        }
        if (dailyAllowance != null) {
            parts.add("住院津贴" + dailyAllowance.days() + "天×" + dailyAllowance.perDay().toPlainString() + "元（连续参保"
                    + dailyAllowance.yearsOfMembership() + "年）=" + dailyAllowance.amount().toPlainString());
        }
        if (diagnosisGroup != null) {
            parts.add(diagnosisGroup.name() + "（" + diagnosisGroup.diagnosisCode() + "）定额"
                    + diagnosisGroup.amount().toPlainString() + "元");
        }
        for (Cut cut : cuts) {
            parts.add(cut.note() + "，扣减" + cut.amount().toPlainString() + "元");
        }
        parts.add("补助" + subsidy.toPlainString() + "元");
        return String.join("；", parts);
    }
}
