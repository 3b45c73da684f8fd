package org.huzhu.scheme;

import java.math.BigDecimal;

import org.huzhu.platform.Proportion;

/** The part of the eligible base between {@code from} and {@code to} (open-ended when null) is paid at {@code rate}. */
public record RateTier(BigDecimal from, BigDecimal to, @Proportion BigDecimal rate) {

    /** How much of the base falls into this tier. */
    BigDecimal portionOf(BigDecimal base) {
        if (base.compareTo(from) <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal top = to == null || base.compareTo(to) < 0 ? base : to;
        return top.subtract(from);
    }
}
