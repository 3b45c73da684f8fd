package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One batch of transfers as it was sent to the bank: its file, business day, lines and total.
 * {@code sentAt} is null while the bank has not taken the file.
 */
public record PaymentBatch(long id, LocalDate businessDate, String fileName, int lineCount, BigDecimal total,
                           Instant createdAt, Instant sentAt) {

    public boolean sent() {
        return sentAt != null;
    }
}
