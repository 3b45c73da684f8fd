package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money recorded into a scheme year's fund: a unit's contributions ({@code unitCode},
 * {@code members} × {@code perMember}) or a funder's subsidy ({@code funderCode}).
 */
public record Contribution(long id, String scheme, int schemeYear, String unitCode, Integer members,
                           BigDecimal perMember, String funderCode, BigDecimal amount, String note, String recordedBy,
                           Instant recordedAt, Long enrolmentImportId) {

    /** The receipt's number: HZJF, the scheme year and the contribution's id. */
    public String receiptNumber() {
        return "HZJF-" + schemeYear + "-" + String.format("%06d", id);
    }
}
