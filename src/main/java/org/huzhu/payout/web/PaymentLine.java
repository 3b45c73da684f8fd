package org.huzhu.payout.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import org.huzhu.payout.PaymentInstruction;
import org.huzhu.payout.PaymentStatus;
import org.huzhu.platform.Beijing;

/**
 * A payment instruction as finance's pages show it: the account masked (the full number is the
 * bank's, never a page's), the status in Chinese with its colour.
 */
record PaymentLine(long id, long claimId, int attempt, Long batchId, String bankName, String accountName,
                   String accountMasked, BigDecimal amount, String status, String tone, String returnReason,
                   LocalDateTime createdAt) {

    static PaymentLine of(PaymentInstruction instruction) {
        return new PaymentLine(instruction.id(), instruction.claimId(), instruction.attempt(), instruction.batchId(),
                instruction.bankName(), instruction.accountName(), instruction.accountMasked(), instruction.amount(),
                instruction.status().label(), TONES.get(instruction.status()), instruction.returnReason(),
                beijing(instruction.createdAt()));
    }

    /** The tag's class by status: paid is good, returned needs someone, the rest is on its way. */
    static final Map<PaymentStatus, String> TONES = Map.of(PaymentStatus.PENDING, "", PaymentStatus.IN_BATCH, "",
            PaymentStatus.SENT, "", PaymentStatus.CONFIRMED, "ok", PaymentStatus.RETURNED, "alarm");

    static LocalDateTime beijing(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, Beijing.ZONE);
    }
}
