package org.huzhu.scheme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Computes an expense-based subsidy. Pure and stateless: the same figures give the same answer. */
public final class SubsidyCalculator {

    private SubsidyCalculator() {
    }

    public static SubsidyCalculation calculate(ExpenseBenefit benefit, Expenses expenses, BigDecimal paidThisYear) {
        BigDecimal base = expenses.eligibleBase();
        List<TierLine> lines = new ArrayList<>();
        BigDecimal beforeCap = BigDecimal.ZERO;
        for (RateTier tier : benefit.tiers()) {
            BigDecimal portion = tier.portionOf(base);
            BigDecimal amount = portion.multiply(tier.rate());
            lines.add(new TierLine(tier.from(), tier.to(), portion, tier.rate(), amount));
            beforeCap = beforeCap.add(amount);
        }
        BigDecimal capRemaining = benefit.annualCap().subtract(paidThisYear).max(BigDecimal.ZERO);
        BigDecimal capped = beforeCap.min(capRemaining);
        BigDecimal subsidy = capped.setScale(2, RoundingMode.HALF_UP);
        BigDecimal capCut = beforeCap.subtract(capped).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new SubsidyCalculation(base, lines, beforeCap, benefit.annualCap(), paidThisYear, capRemaining,
                capCut, subsidy);
    }
}
