package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.scheme.Rules.ADMISSION;
import static org.huzhu.scheme.Rules.expense;
import static org.huzhu.scheme.Rules.expenseRules;
import static org.huzhu.scheme.Rules.nothingYet;
import static org.huzhu.scheme.Rules.stay;
import static org.huzhu.scheme.Rules.tiers;

/** Each rule of an expense benefit, at its edges. */
class ExpenseBenefitTest {

    /** The example outpatient special-disease rules: 300 deductible, 50% to 5,000, 60% above, 3,000 a claim. */
    static final RuleSetDefinition OUTPATIENT = expenseRules(expense("300.00", tiers("0.50", "5000.00", "0.60"), null,
            null, "3000.00", "6000.00", 4));

    static final DailyAllowance ALLOWANCE = new DailyAllowance(30, List.of(
            new AllowanceBand(0, new BigDecimal("10.00")), new AllowanceBand(3, new BigDecimal("20.00")),
            new AllowanceBand(5, new BigDecimal("30.00"))));

    static SubsidyCalculation calculate(RuleSetDefinition rules, ClaimFacts claim, MemberStanding member) {
        return SubsidyCalculator.calculate(rules, claim, member);
    }

    @Test
    void theDeductibleComesOffTheBaseBeforeTheTiers() {
        SubsidyCalculation calculation = calculate(OUTPATIENT, stay("1000.00"), nothingYet());
        assertThat(calculation.deductible()).isEqualByComparingTo("300.00");
        assertThat(calculation.tiers().get(0).base()).isEqualByComparingTo("700.00");
        assertThat(calculation.subsidy()).isEqualByComparingTo("350.00");
        assertThat(calculate(OUTPATIENT, stay("300.00"), nothingYet()).subsidy()).isEqualByComparingTo("0.00");
        assertThat(calculate(OUTPATIENT, stay("299.99"), nothingYet()).subsidy()).isEqualByComparingTo("0.00");
    }

    @Test
    void exactlyAtATierEdgeAfterTheDeductibleTheUpperTierPaysNothing() {
        SubsidyCalculation edge = calculate(OUTPATIENT, stay("5300.00"), nothingYet());
        assertThat(edge.tiers().get(0).base()).isEqualByComparingTo("5000.00");
        assertThat(edge.tiers().get(1).base()).isEqualByComparingTo("0");
        assertThat(edge.subsidy()).isEqualByComparingTo("2500.00");
        // 2,500 + 0.6 x 0.01 = 2,500.006, rounded once at the end
        assertThat(calculate(OUTPATIENT, stay("5300.01"), nothingYet()).subsidy()).isEqualByComparingTo("2500.01");
    }

    @Test
    void aRateOfOneHundredPercentPaysTheWholeTopTier() {
        RuleSetDefinition rules = expenseRules(expense(null, tiers("0.50", "1000.00", "1.00"), null, null, null,
                "500000.00", null));
        assertThat(calculate(rules, stay("3000.00"), nothingYet()).subsidy()).isEqualByComparingTo("2500.00");
    }

    @Test
    void theMinimumPerStayTopsUpAClaimTheTiersPayOnButNeverBeyondItsBase() {
        RuleSetDefinition rules = expenseRules(expense(null, tiers("0.30"), "200.00", null, null, "100000.00", null));
        SubsidyCalculation small = calculate(rules, stay("500.00"), nothingYet());
        assertThat(small.tiers().get(0).amount()).isEqualByComparingTo("150.00");
        assertThat(small.minimumTopUp()).isEqualByComparingTo("50.00");
        assertThat(small.subsidy()).isEqualByComparingTo("200.00");
        assertThat(calculate(rules, stay("100.00"), nothingYet()).subsidy()).isEqualByComparingTo("100.00");
        assertThat(calculate(rules, stay("1000.00"), nothingYet()).minimumTopUp()).isEqualByComparingTo("0");
        assertThat(calculate(rules, stay("0.00"), nothingYet()).subsidy()).isEqualByComparingTo("0.00");

        RuleSetDefinition withDeductible = expenseRules(expense("500.00", tiers("0.30"), "200.00", null, null,
                "100000.00", null));
        assertThat(calculate(withDeductible, stay("500.00"), nothingYet()).subsidy()).isEqualByComparingTo("0.00");
        assertThat(calculate(withDeductible, stay("500.01"), nothingYet()).subsidy()).isEqualByComparingTo("200.00");
    }

    @Test
    void theDailyAllowanceGoesByCompletedYearsOfMembershipAndCountsAtMostItsDays() {
        RuleSetDefinition rules = expenseRules(expense(null, tiers("0.30"), null, ALLOWANCE, null, "100000.00", null));
        LocalDate threeYearsAgo = ADMISSION.minusYears(3);

        SubsidyCalculation threeYears = calculate(rules, stay("1000.00", 10), member(threeYearsAgo));
        assertThat(threeYears.dailyAllowance()).isEqualTo(new AllowanceLine(10, 3, new BigDecimal("20.00"),
                new BigDecimal("200.00")));
        assertThat(threeYears.subsidy()).isEqualByComparingTo("500.00");
        assertThat(calculate(rules, stay("1000.00", 10), member(threeYearsAgo.plusDays(1))).dailyAllowance().perDay())
                .isEqualByComparingTo("10.00");
        assertThat(calculate(rules, stay("1000.00", 10), member(ADMISSION.minusYears(7))).dailyAllowance().perDay())
                .isEqualByComparingTo("30.00");
        assertThat(calculate(rules, stay("1000.00", 45), member(threeYearsAgo)).dailyAllowance().days()).isEqualTo(30);
        assertThat(calculate(rules, stay("1000.00", 0), member(threeYearsAgo)).dailyAllowance().days()).isEqualTo(1);
        // A quote without the discharge day counts no days; without a member, no years.
        assertThat(calculate(rules, new ClaimFacts(ADMISSION, null, Rules.eligible("1000.00"), null, null),
                nothingYet()).dailyAllowance()).isEqualTo(new AllowanceLine(0, 0, new BigDecimal("10.00"),
                new BigDecimal("0.00")));
    }

    @Test
    void theDailyAllowanceIsPaidOnTopOfTheBase() {
        RuleSetDefinition rules = expenseRules(expense(null, tiers("0.30"), null, ALLOWANCE, null, "100000.00", null));
        SubsidyCalculation nothingBorne = calculate(rules, stay("0.00", 5), nothingYet());
        assertThat(nothingBorne.subsidy()).isEqualByComparingTo("50.00");
    }

    @Test
    void thePerClaimCapCutsOneClaimAndSaysBy() {
        SubsidyCalculation cut = calculate(OUTPATIENT, stay("8300.00"), nothingYet());
        // 2,500 + 0.6 x 3,000 = 4,300 before the cap
        assertThat(cut.beforeCap()).isEqualByComparingTo("4300.00");
        assertThat(cut.cuts()).containsExactly(new Cut(Cut.Rule.PER_CLAIM_CAP, new BigDecimal("1300.00"),
                "每次最多补助3000.00元"));
        assertThat(cut.subsidy()).isEqualByComparingTo("3000.00");

        // 2,500 + 0.6 x 833.33 = 2,999.998, under the cap: nothing cut; 2,500 + 0.6 x 833.34 = 3,000.004, cut to 3,000
        assertThat(calculate(OUTPATIENT, stay("6133.33"), nothingYet()).cuts()).isEmpty();
        SubsidyCalculation justOver = calculate(OUTPATIENT, stay("6133.34"), nothingYet());
        assertThat(justOver.cuts()).extracting(Cut::rule).containsExactly(Cut.Rule.PER_CLAIM_CAP);
        assertThat(justOver.subsidy()).isEqualByComparingTo("3000.00");
    }

    @Test
    void bothCapsCutInTurnAndTheCutsAddUpToTheDifference() {
        SubsidyCalculation calculation = calculate(OUTPATIENT, stay("8300.00"), Rules.paid("4000.00"));
        assertThat(calculation.cuts()).extracting(Cut::rule)
                .containsExactly(Cut.Rule.PER_CLAIM_CAP, Cut.Rule.ANNUAL_CAP);
        assertThat(calculation.capRemaining()).isEqualByComparingTo("2000.00");
        assertThat(calculation.capCut()).isEqualByComparingTo("1000.00");
        assertThat(calculation.subsidy()).isEqualByComparingTo("2000.00");
        BigDecimal cuts = calculation.cuts().stream().map(Cut::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(calculation.beforeCap().subtract(cuts)).isEqualByComparingTo(calculation.subsidy());
    }

    @Test
    void aMemberPaidOnAsManyClaimsAsTheYearAllowsGetsNothingMore() {
        MemberStanding threeClaims = new MemberStanding(null, new BigDecimal("900.00"), 3, Set.of());
        assertThat(calculate(OUTPATIENT, stay("1000.00"), threeClaims).subsidy()).isEqualByComparingTo("350.00");
        MemberStanding fourClaims = new MemberStanding(null, new BigDecimal("1200.00"), 4, Set.of());
        SubsidyCalculation fifth = calculate(OUTPATIENT, stay("1000.00"), fourClaims);
        assertThat(fifth.subsidy()).isEqualByComparingTo("0.00");
        assertThat(fifth.cuts()).containsExactly(new Cut(Cut.Rule.CLAIMS_PER_YEAR, new BigDecimal("350.00"),
                "本保障年度已获补助4次，每年最多补助4次"));
        // No limit when the rules set none.
        MemberStanding manyClaims = new MemberStanding(null, new BigDecimal("0.00"), 40, Set.of());
        assertThat(calculate(Rules.ANYANG, stay("1000.00"), manyClaims).subsidy()).isEqualByComparingTo("300.00");
    }

    @Test
    void theWaitingPeriodPaysNothingThenAReducedRateThenTheWholeSubsidy() {
        RuleSetDefinition rules = Rules.waiting(Rules.ANYANG, new WaitingPeriod(30, 60, new BigDecimal("0.50")));
        // Day 1 is the first day of cover.
        assertThat(calculate(rules, stay("1000.00"), member(ADMISSION.minusDays(29))).subsidy())
                .isEqualByComparingTo("0.00");
        SubsidyCalculation reduced = calculate(rules, stay("1000.00"), member(ADMISSION.minusDays(30)));
        assertThat(reduced.subsidy()).isEqualByComparingTo("150.00");
        assertThat(reduced.cuts()).containsExactly(new Cut(Cut.Rule.WAITING_PERIOD, new BigDecimal("150.00"),
                "参保第31天，在减付期内，按0.50给付"));
        assertThat(calculate(rules, stay("1000.00"), member(ADMISSION.minusDays(89))).subsidy())
                .isEqualByComparingTo("150.00");
        assertThat(calculate(rules, stay("1000.00"), member(ADMISSION.minusDays(90))).subsidy())
                .isEqualByComparingTo("300.00");
        // A quote for nobody in particular knows no start of cover: nothing is cut.
        assertThat(calculate(rules, stay("1000.00"), nothingYet()).subsidy()).isEqualByComparingTo("300.00");
    }

    @Test
    void theBreakdownReadsAsASentence() {
        SubsidyCalculation calculation = calculate(OUTPATIENT, stay("8300.00"), Rules.paid("4000.00"));
        assertThat(calculation.inWords()).isEqualTo("合规自付8300.00元，起付线300.00元；"
                + "0.00至5000.00元部分5000.00元×0.50=2500.0000；5000.00元以上部分3000.00元×0.60=1800.0000；"
                + "每次最多补助3000.00元，扣减1300.00元；"
                + "年度封顶6000.00元，本保障年度已获4000.00元，尚余2000.00元，扣减1000.00元；补助2000.00元");
    }

    private static MemberStanding member(LocalDate coveredSince) {
        return new MemberStanding(coveredSince, new BigDecimal("0.00"), 0, Set.of());
    }
}
