package org.huzhu.scheme;

import java.math.BigDecimal;

/** One tier of a calculation: the tier's bounds, the part of the base in it, the rate and the exact amount. */
public record TierLine(BigDecimal from, BigDecimal to, BigDecimal base, BigDecimal rate, BigDecimal amount) {
}
