package org.huzhu.scheme;

import java.math.BigDecimal;

/** A daily hospital allowance of {@code perDay} yuan for members with at least {@code fromYears} years of cover. */
public record AllowanceBand(Integer fromYears, BigDecimal perDay) {
}
