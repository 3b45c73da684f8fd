package org.huzhu.payout;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scheme year's fund: in are units' contributions and funders' subsidies, out are the
 * confirmed payouts of the claims of that scheme year; {@code payoutsByFunder} says who bore them.
 */
public record FundBalance(String scheme, int schemeYear, BigDecimal contributions, BigDecimal subsidies,
                          BigDecimal payouts, BigDecimal balance, List<FunderPayout> payoutsByFunder) {

    public record FunderPayout(String code, String name, BigDecimal amount) {
    }
}
