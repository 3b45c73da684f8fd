package org.huzhu.reporting;

import java.math.BigDecimal;

/**
 * The figures of one agency, unit or month. Enrolment figures are null on month rows (a month's
 * claims are those handed in that month).
 *
 * @param paidWithinDeadlineShare percentage with one decimal; null when nothing was paid
 */
public record StatisticsRow(String key, String label, Long unitsEnrolled, Long membersEnrolled, BigDecimal memberYears,
                            long claimsSubmitted, long claimsRejected, long claimsPaid, BigDecimal amountPaid,
                            BigDecimal largestPayout, BigDecimal paidWithinDeadlineShare) {
}
