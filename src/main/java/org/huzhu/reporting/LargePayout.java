package org.huzhu.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One payout of at least the large-subsidy amount; no personal data (no name, no diagnosis). */
public record LargePayout(long claimId, String agencyCode, String agencyName, String unitCode, String unitName,
                          BigDecimal amount, LocalDate paidOn) {
}
