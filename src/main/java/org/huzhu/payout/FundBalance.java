package org.huzhu.payout;

import java.math.BigDecimal;
import java.util.List;

import org.huzhu.platform.Money;

/**
 * A scheme year's fund: in are units' contributions and funders' subsidies, out are the
 * confirmed payouts of the claims of that scheme year; {@code payoutsByFunder} says who bore them.
 * A negative balance comes with a warning for people (otherwise {@code warning} is null).
 */
public record FundBalance(String scheme, int schemeYear, BigDecimal contributions, BigDecimal subsidies,
                          BigDecimal payouts, BigDecimal balance, List<FunderPayout> payoutsByFunder, String warning) {

    static FundBalance of(String scheme, int schemeYear, BigDecimal contributions, BigDecimal subsidies,
                          BigDecimal payouts, List<FunderPayout> payoutsByFunder) {
        BigDecimal balance = contributions.add(subsidies).subtract(payouts);
        String warning = balance.signum() >= 0 ? null : "基金结余为负（" + Money.grouped(balance)
                + " 元）：已付补助金超过已登记的缴费和补贴，请核实缴费是否已全部登记";
        return new FundBalance(scheme, schemeYear, contributions, subsidies, payouts, balance, payoutsByFunder, warning);
    }

    public record FunderPayout(String code, String name, BigDecimal amount) {
    }
}
