package org.huzhu.payout;

import java.math.BigDecimal;

/**
 * Money into a scheme year's fund: a unit's contributions ({@code unitCode}, {@code members},
 * {@code perMember}) or a funder's subsidy ({@code funderCode}, {@code amount}). A unit's may
 * name the member-list import it pays for ({@code enrolmentImportId}): then its unit, scheme,
 * year and head count are the import's.
 */
public record ContributionInput(String scheme, Integer schemeYear, String unitCode, Integer members,
                                BigDecimal perMember, String funderCode, BigDecimal amount, String note,
                                Long enrolmentImportId) {
}
