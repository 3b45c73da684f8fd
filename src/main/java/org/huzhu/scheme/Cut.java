package org.huzhu.scheme;

import java.math.BigDecimal;

/** What one rule took off a claim's subsidy, to the fen, with the figures behind it in words. */
public record Cut(Rule rule, BigDecimal amount, String note) {

    public enum Rule {
        WAITING_PERIOD, CLAIMS_PER_YEAR, ALREADY_PAID_FOR_GROUP, PER_CLAIM_CAP, ANNUAL_CAP
    }
}
