package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One order to pay a claim's subsidy to an account, with who funds how much of it. */
public record PaymentInstruction(long id, long claimId, int attempt, BigDecimal amount, String bankName,
                                 String accountNumber, String accountMasked, String accountName,
                                 PaymentStatus status, Long batchId, String returnReason, Instant createdAt,
                                 List<FunderShare> funders) {

    public record FunderShare(String code, String name, BigDecimal amount) {
    }
}
