package org.huzhu.payout;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FundBalanceTest {

    @Test
    void aNegativeBalanceComesWithAWarningAndAnyOtherWithout() {
        FundBalance shortfall = FundBalance.of("INPATIENT", 2026, new BigDecimal("3600.00"), BigDecimal.ZERO,
                new BigDecimal("5000.50"), List.of());
        assertThat(shortfall.balance()).isEqualByComparingTo("-1400.50");
        assertThat(shortfall.warning()).contains("基金结余为负（-1,400.50 元）");
        assertThat(FundBalance.of("INPATIENT", 2026, new BigDecimal("5000.50"), BigDecimal.ZERO,
                new BigDecimal("5000.50"), List.of()).warning()).isNull();
    }
}
