package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * A benefit paid on what the member still bears of compliant expenses: rate tiers over the
 * eligible base and a cap per member per scheme year, counted over all their claims.
 */
public record ExpenseBenefit(List<RateTier> tiers, BigDecimal annualCap) {

    public ExpenseBenefit {
        tiers = List.copyOf(tiers);
    }
}
