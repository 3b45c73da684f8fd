package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * The subsidy with everything needed to check it by hand. Tier amounts are exact; the
 * subsidy is rounded to the fen once, after the cap.
 *
 * @param beforeCap     the sum of the tier amounts, unrounded
 * @param paidThisYear  what the member had already been granted in the scheme year
 * @param capRemaining  what was left of the annual cap before this claim
 * @param capCut        how much the cap took off
 */
public record SubsidyCalculation(BigDecimal eligibleBase, List<TierLine> tiers, BigDecimal beforeCap,
                                 BigDecimal annualCap, BigDecimal paidThisYear, BigDecimal capRemaining,
                                 BigDecimal capCut, BigDecimal subsidy) {

    public SubsidyCalculation {
        tiers = List.copyOf(tiers);
    }
}
