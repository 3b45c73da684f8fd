package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * A benefit paid on what the member still bears of compliant expenses (in-patient stays,
 * outpatient special diseases).
 *
 * @param deductible      起付线: taken off the eligible base of each claim before the tiers (0 when null)
 * @param tiers           rates over the base after the deductible, contiguous from 0
 * @param minimumPerStay  a claim the tiers pay anything on is paid at least this, but never more than its eligible base
 * @param dailyAllowance  a sum per day in hospital by years of cover, on top of the tiers (none when null)
 * @param perClaimCap     the most one claim is paid (none when null)
 * @param annualCap       the most a member is paid per scheme year, over all their granted claims
 * @param claimsPerYear   how many claims a member is paid on per scheme year (no limit when null)
 */
public record ExpenseBenefit(BigDecimal deductible, List<RateTier> tiers, BigDecimal minimumPerStay,
                             DailyAllowance dailyAllowance, BigDecimal perClaimCap, BigDecimal annualCap,
                             Integer claimsPerYear) {

    public ExpenseBenefit {
        deductible = deductible == null ? new BigDecimal("0.00") : deductible;
        tiers = tiers == null ? null : List.copyOf(tiers);
    }
}
