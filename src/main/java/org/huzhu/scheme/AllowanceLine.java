package org.huzhu.scheme;

import java.math.BigDecimal;

/** The daily hospital allowance of a claim: days counted, the member's completed years of continuous cover, the band's sum per day. */
public record AllowanceLine(int days, int yearsOfMembership, BigDecimal perDay, BigDecimal amount) {
}
