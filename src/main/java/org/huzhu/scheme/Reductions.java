package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.huzhu.platform.Money;

/**
 * A claim's benefit as the waiting period, limits and caps cut it down, one after another.
 * The amount stays exact; each cut is recorded as the fen it took off.
 */
final class Reductions {

    private BigDecimal amount;
    private final List<Cut> cuts = new ArrayList<>();

    Reductions(BigDecimal benefit) {
        this.amount = benefit;
    }

    /** Pays only {@code share} of the amount (a waiting period's reduced rate, or nothing). */
    void share(Cut.Rule rule, BigDecimal share, String note) {
        if (share.compareTo(BigDecimal.ONE) < 0) {
            limit(rule, amount.multiply(share), note);
        }
    }

    /** Lowers the amount to the limit when it is above it. */
    void limit(Cut.Rule rule, BigDecimal limit, String note) {
        if (amount.compareTo(limit) > 0) {
            cuts.add(new Cut(rule, Money.roundToFen(amount).subtract(Money.roundToFen(limit)), note));
            amount = limit;
        }
    }

    BigDecimal cutBy(Cut.Rule rule) {
        return cuts.stream().filter(cut -> cut.rule() == rule).map(Cut::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    List<Cut> cuts() {
        return cuts;
    }

    /** The subsidy: the amount left, rounded half up to the fen, the one rounding of the calculation. */
    BigDecimal subsidy() {
        return Money.roundToFen(amount);
    }
}
