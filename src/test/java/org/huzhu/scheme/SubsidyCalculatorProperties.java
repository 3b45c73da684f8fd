package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the subsidy that hold for any figures and any rule set the publication rules
 * accept. The expense tiers and the minimum per stay never pay more than the eligible base;
 * a daily allowance and a lump sum are not bounded by it, so they are held to their own sums.
 */
class SubsidyCalculatorProperties {

    @Property
    void theAnyangSubsidyIsNeverNegativeNeverAboveTheBaseNeverPastTheCap(@ForAll("yuan") BigDecimal base,
                                                                        @ForAll("paid") BigDecimal paid) {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(Rules.ANYANG, Rules.stay(base.toPlainString()),
                Rules.paid(paid.toPlainString()));
        assertThat(calculation.subsidy()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(calculation.subsidy()).isLessThanOrEqualTo(base);
        assertThat(calculation.subsidy().add(paid)).isLessThanOrEqualTo(new BigDecimal("100000.00").max(paid));
        assertThat(calculation.subsidy().scale()).isEqualTo(2);
    }

    @Property
    void theAnyangSubsidyDoesNotFallWhenTheBaseRises(@ForAll("yuan") BigDecimal base, @ForAll("yuan") BigDecimal more,
                                                     @ForAll("paid") BigDecimal paid) {
        BigDecimal lower = SubsidyCalculator.calculate(Rules.ANYANG, Rules.stay(base.toPlainString()),
                Rules.paid(paid.toPlainString())).subsidy();
        BigDecimal higher = SubsidyCalculator.calculate(Rules.ANYANG, Rules.stay(base.add(more).toPlainString()),
                Rules.paid(paid.toPlainString())).subsidy();
        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    @Property
    void anExpenseSubsidyIsNeverNegativeAndRoundedToTheFen(@ForAll("expenseRules") RuleSetDefinition rules,
                                                           @ForAll("yuan") BigDecimal base, @ForAll("days") int days,
                                                           @ForAll("standing") MemberStanding member) {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules, Rules.stay(base.toPlainString(), days), member);
        assertThat(calculation.subsidy()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(calculation.subsidy().scale()).isEqualTo(2);
    }

    @Property
    void theTiersAndTheMinimumNeverPayMoreThanTheEligibleBaseAndTheAllowanceComesOnTop(
            @ForAll("expenseRules") RuleSetDefinition rules, @ForAll("yuan") BigDecimal base, @ForAll("days") int days,
            @ForAll("standing") MemberStanding member) {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules, Rules.stay(base.toPlainString(), days), member);
        BigDecimal tiers = calculation.tiers().stream().map(TierLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(tiers.add(calculation.minimumTopUp())).isLessThanOrEqualTo(base);
        BigDecimal allowance = calculation.dailyAllowance() == null ? BigDecimal.ZERO : calculation.dailyAllowance().amount();
        assertThat(calculation.subsidy()).isLessThanOrEqualTo(base.add(allowance));
        if (calculation.dailyAllowance() == null) {
            assertThat(calculation.subsidy()).isLessThanOrEqualTo(base);
        }
    }

    @Property
    void aClaimNeverLiftsTheMembersYearAboveTheAnnualCapNorPassesThePerClaimCap(
            @ForAll("expenseRules") RuleSetDefinition rules, @ForAll("yuan") BigDecimal base, @ForAll("days") int days,
            @ForAll("standing") MemberStanding member) {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules, Rules.stay(base.toPlainString(), days), member);
        ExpenseBenefit benefit = rules.expenseBenefit();
        assertThat(member.paidThisYear().add(calculation.subsidy()))
                .isLessThanOrEqualTo(benefit.annualCap().max(member.paidThisYear()));
        if (benefit.perClaimCap() != null) {
            assertThat(calculation.subsidy()).isLessThanOrEqualTo(benefit.perClaimCap());
        }
    }

    @Property
    void anExpenseSubsidyDoesNotFallWhenTheEligibleBaseRises(@ForAll("expenseRules") RuleSetDefinition rules,
                                                             @ForAll("yuan") BigDecimal base,
                                                             @ForAll("yuan") BigDecimal more, @ForAll("days") int days,
                                                             @ForAll("standing") MemberStanding member) {
        BigDecimal lower = SubsidyCalculator.calculate(rules, Rules.stay(base.toPlainString(), days), member).subsidy();
        BigDecimal higher = SubsidyCalculator.calculate(rules, Rules.stay(base.add(more).toPlainString(), days), member)
                .subsidy();
        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    @Property
    void theCutsAccountForEveryFenBetweenTheBenefitAndTheSubsidy(@ForAll("expenseRules") RuleSetDefinition rules,
                                                                  @ForAll("yuan") BigDecimal base,
                                                                  @ForAll("days") int days,
                                                                  @ForAll("standing") MemberStanding member) {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(rules, Rules.stay(base.toPlainString(), days), member);
        BigDecimal cuts = calculation.cuts().stream().map(Cut::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(org.huzhu.platform.Money.roundToFen(calculation.beforeCap()).subtract(cuts))
                .isEqualByComparingTo(calculation.subsidy());
    }

    @Property
    void aLumpSumIsTheGroupsAmountAtMostAndNothingTwiceForOneGroup(@ForAll("amount") BigDecimal amount,
                                                                   @ForAll("standing") MemberStanding member,
                                                                   @ForAll boolean paidBefore) {
        DiagnosisGroup group = new DiagnosisGroup("G", "病种", List.of("C50"), amount, null);
        RuleSetDefinition rules = Rules.waiting(Rules.lumpSumRules(null, group),
                new WaitingPeriod(90, 90, new BigDecimal("0.50")));
        MemberStanding standing = new MemberStanding(member.coveredSince(), member.paidThisYear(),
                member.claimsThisYear(), paidBefore ? Set.of("G") : Set.of());
        BigDecimal subsidy = SubsidyCalculator.calculate(rules, Rules.diagnosis("C50.9", Rules.ADMISSION), standing)
                .subsidy();
        assertThat(subsidy).isBetween(BigDecimal.ZERO, amount);
        if (paidBefore) {
            assertThat(subsidy).isEqualByComparingTo("0");
        }
    }

    @Provide
    Arbitrary<BigDecimal> yuan() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("400000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> paid() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("120000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> amount() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("500000")).ofScale(2);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 400);
    }

    @Provide
    Arbitrary<MemberStanding> standing() {
        return Combinators.combine(Arbitraries.integers().between(0, 4000).injectNull(0.2),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("600000")).ofScale(2),
                        Arbitraries.integers().between(0, 6))
                .as((daysCovered, paid, claims) -> new MemberStanding(
                        daysCovered == null ? null : Rules.ADMISSION.minusDays(daysCovered), paid, claims, Set.of()));
    }

    /** Any expense rule set the publication rules accept. */
    @Provide
    Arbitrary<RuleSetDefinition> expenseRules() {
        Arbitrary<BigDecimal> rate = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2);
        Arbitrary<List<RateTier>> tiers = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("200000"))
                .ofScale(2).set().ofMaxSize(5)
                .flatMap(edges -> rate.list().ofSize(edges.size() + 1).map(rates -> tiers(new TreeSet<>(edges), rates)));
        Arbitrary<DailyAllowance> allowance = Combinators.combine(Arbitraries.integers().between(1, 180).injectNull(0.3),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2).list()
                                .ofMinSize(1).ofMaxSize(4))
                .as((maxDays, perDay) -> {
                    List<AllowanceBand> bands = new ArrayList<>();
                    for (int i = 0; i < perDay.size(); i++) {
                        bands.add(new AllowanceBand(i * 3, perDay.get(i)));
                    }
                    return new DailyAllowance(maxDays, bands);
                });
        Arbitrary<BigDecimal> positive = amount();
        Arbitrary<ExpenseBenefit> benefit = Combinators.combine(
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000")).ofScale(2),
                        tiers, positive.injectNull(0.5), allowance.injectNull(0.5), positive.injectNull(0.5), positive,
                        Arbitraries.integers().between(1, 5).injectNull(0.5))
                .as(ExpenseBenefit::new);
        Arbitrary<WaitingPeriod> waiting = Combinators.combine(Arbitraries.integers().between(0, 120),
                        Arbitraries.integers().between(0, 120), rate)
                .as(WaitingPeriod::new);
        return Combinators.combine(benefit, waiting.injectNull(0.5))
                .as((expense, wait) -> Rules.waiting(Rules.expenseRules(expense), wait));
    }

    private static List<RateTier> tiers(TreeSet<BigDecimal> edges, List<BigDecimal> rates) {
        List<RateTier> tiers = new ArrayList<>();
        BigDecimal from = new BigDecimal("0.00");
        int i = 0;
        for (BigDecimal edge : edges) {
            tiers.add(new RateTier(from, edge, rates.get(i++)));
            from = edge;
        }
        tiers.add(new RateTier(from, null, rates.get(i)));
        return tiers;
    }
}
