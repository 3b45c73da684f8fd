package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Instant;

/** Money sent to a member for one claim. */
public record Payment(long id, long claimId, BigDecimal amount, String bankAccountMasked, Instant paidAt) {
}
