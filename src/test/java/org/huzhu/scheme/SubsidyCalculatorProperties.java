package org.huzhu.scheme;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the subsidy that hold for any figures. */
class SubsidyCalculatorProperties {

    @Property
    void neverNegativeNeverAboveTheBaseNeverPastTheCap(@ForAll("yuan") BigDecimal base, @ForAll("paid") BigDecimal paid) {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(SubsidyCalculatorTest.ANYANG,
                SubsidyCalculatorTest.eligible(base.toPlainString()), paid);
        assertThat(calculation.subsidy()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(calculation.subsidy()).isLessThanOrEqualTo(base);
        assertThat(calculation.subsidy().add(paid)).isLessThanOrEqualTo(new BigDecimal("100000.00").max(paid));
        assertThat(calculation.subsidy().scale()).isEqualTo(2);
    }

    @Property
    void doesNotFallWhenTheBaseRises(@ForAll("yuan") BigDecimal base, @ForAll("yuan") BigDecimal more,
                                     @ForAll("paid") BigDecimal paid) {
        BigDecimal lower = SubsidyCalculator.calculate(SubsidyCalculatorTest.ANYANG,
                SubsidyCalculatorTest.eligible(base.toPlainString()), paid).subsidy();
        BigDecimal higher = SubsidyCalculator.calculate(SubsidyCalculatorTest.ANYANG,
                SubsidyCalculatorTest.eligible(base.add(more).toPlainString()), paid).subsidy();
        assertThat(higher).isGreaterThanOrEqualTo(lower);
    }

    @Provide
    Arbitrary<BigDecimal> yuan() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("400000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> paid() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("120000")).ofScale(2);
    }
}
