package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A transfer the bank sent back whose claim has no newer payment order yet: the clerk of the
 * claim's agency still has to fix the account (the claim's FixAccount task).
 */
public record AwaitingAccountFix(long instructionId, long claimId, int attempt, BigDecimal amount, String bankName,
                                 String accountMasked, String returnReason, long batchId, String batchFile,
                                 Instant returnedAt) {
}
