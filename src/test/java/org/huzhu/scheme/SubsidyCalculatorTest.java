package org.huzhu.scheme;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.scheme.Rules.ANYANG;

class SubsidyCalculatorTest {

    static SubsidyCalculation anyang(String base, String paidThisYear) {
        return SubsidyCalculator.calculate(ANYANG, Rules.stay(base), Rules.paid(paidThisYear));
    }

    @Test
    void theAnyangWorkerGets6827YuanOn14054YuanEligible() {
        SubsidyCalculation calculation = anyang("14054.00", "0.00");
        assertThat(calculation.subsidy()).isEqualByComparingTo("6827.00");
        assertThat(calculation.subsidy().scale()).isEqualTo(2);
        assertThat(calculation.tiers()).extracting(TierLine::base).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("13054.00"));
        assertThat(calculation.tiers()).extracting(TierLine::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("300"), new BigDecimal("6527"));
        assertThat(calculation.capCut()).isEqualByComparingTo("0");
    }

    @Test
    void theEligibleBaseIsWhatRemainsOfThePolicyScopeAfterTheInsurancesAndNeverNegative() {
        Expenses expenses = new Expenses(new BigDecimal("40000.00"), new BigDecimal("30000.00"),
                new BigDecimal("12000.00"), new BigDecimal("3000.00"), new BigDecimal("946.00"));
        assertThat(expenses.eligibleBase()).isEqualByComparingTo("14054.00");
        Expenses overpaid = new Expenses(new BigDecimal("1000.00"), new BigDecimal("500.00"),
                new BigDecimal("600.00"), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(overpaid.eligibleBase()).isEqualByComparingTo("0");
        assertThat(SubsidyCalculator.calculate(ANYANG, new ClaimFacts(Rules.ADMISSION, Rules.ADMISSION, overpaid, null,
                null), Rules.nothingYet()).subsidy()).isEqualByComparingTo("0.00");
    }

    @Test
    void exactlyAtTheTierEdgeOnlyTheFirstTierPays() {
        SubsidyCalculation calculation = anyang("1000.00", "0");
        assertThat(calculation.subsidy()).isEqualByComparingTo("300.00");
        assertThat(calculation.tiers().get(1).base()).isEqualByComparingTo("0");
        assertThat(anyang("1000.01", "0").subsidy()).isEqualByComparingTo("300.01");
    }

    @Test
    void roundsHalfUpOnceAtTheEnd() {
        // 0.30 x 0.05 = 0.015 exactly: half up to 0.02, not 0.01 (half even would give 0.02 too, so also check .025)
        assertThat(anyang("0.05", "0").subsidy()).isEqualByComparingTo("0.02");
        // 300 + 0.5 x 0.05 = 300.025 -> 300.03
        assertThat(anyang("1000.05", "0").subsidy()).isEqualByComparingTo("300.03");
        // Tier amounts are kept exact, not rounded one by one: 0.3 x 0.01 + 0.5 x 0.01 = 0.008 -> 0.01
        RuleSetDefinition split = Rules.expenseRules(Rules.expense(null, Rules.tiers("0.30", "0.01", "0.50"), null,
                null, null, "100.00", null));
        assertThat(SubsidyCalculator.calculate(split, Rules.stay("0.02"), Rules.nothingYet()).subsidy())
                .isEqualByComparingTo("0.01");
    }

    @Test
    void aClaimThatCrossesTheCapIsCutToWhatIsLeft() {
        SubsidyCalculation calculation = anyang("14054.00", "95000.00");
        assertThat(calculation.beforeCap()).isEqualByComparingTo("6827.00");
        assertThat(calculation.capRemaining()).isEqualByComparingTo("5000.00");
        assertThat(calculation.capCut()).isEqualByComparingTo("1827.00");
        assertThat(calculation.subsidy()).isEqualByComparingTo("5000.00");
    }

    @Test
    void exactlyAtTheCapNothingIsCut() {
        SubsidyCalculation calculation = anyang("14054.00", "93173.00");
        assertThat(calculation.subsidy()).isEqualByComparingTo("6827.00");
        assertThat(calculation.capCut()).isEqualByComparingTo("0");
    }

    @Test
    void onceTheCapIsSpentNothingMoreIsPaid() {
        assertThat(anyang("50000.00", "100000.00").subsidy()).isEqualByComparingTo("0.00");
    }

    @Test
    void theSchemeYearStartsOnItsOwnDay() {
        RuleSetDefinition rules = ANYANG;
        assertThat(rules.schemeYearOf(java.time.LocalDate.of(2026, 10, 15))).isEqualTo(2025);
        assertThat(rules.schemeYearOf(java.time.LocalDate.of(2026, 10, 16))).isEqualTo(2026);
        assertThat(rules.schemeYearOf(java.time.LocalDate.of(2027, 1, 1))).isEqualTo(2026);
    }
}
