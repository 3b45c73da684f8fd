package org.huzhu.claim;

import java.math.BigDecimal;

/**
 * What the approval routing decides on: a claim's figures, never its people. Read after the
 * subsidy is calculated.
 *
 * @param subsidy            the calculated subsidy in yuan
 * @param scheme             the scheme's code
 * @param benefitKind        {@code EXPENSE} or {@code LUMP_SUM}
 * @param repeatWithin90Days the member has another claim, not rejected, whose stay or diagnosis
 *                           began in the 90 days up to this one's
 */
public record ApprovalFacts(BigDecimal subsidy, String scheme, String benefitKind, boolean repeatWithin90Days) {
}
