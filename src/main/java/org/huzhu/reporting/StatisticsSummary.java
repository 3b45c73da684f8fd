package org.huzhu.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scheme's headline figures for a period, as the unions' reports print them. Claims are those
 * handed in during the period, with what became of them so far; payouts are their confirmed
 * payments. Shares are percentages with one decimal; null where nothing was paid.
 *
 * @param memberYears             enrolled days in the period / 365 (two decimals)
 * @param contributionsReceived   units' contributions recorded for the scheme year (or in the months asked for)
 * @param funderSubsidies         funders' subsidies into the fund, likewise (none when one agency or organiser is asked for)
 * @param claimsOpen              handed in and not yet paid or rejected
 * @param unitsWithPaidClaims     units whose members were paid ("1,054 units")
 * @param largePayouts            payouts of at least {@code largePayoutThreshold} (the reports' large subsidies)
 * @param paidWithinDeadlineShare percentage of paid claims paid within their payment deadline
 * @param reviews                 reviews of rejections asked for on the period's claims
 * @param funders                 who bore the amount paid, where funding is split
 * @param headline                the figures in one sentence, as the reports print them
 */
public record StatisticsSummary(String scheme, String schemeName, String period, String from, String to,
                                Integer schemeYear, String organiser, String agency,
                                long unitsEnrolled, long membersEnrolled, BigDecimal memberYears,
                                BigDecimal contributionsReceived, BigDecimal funderSubsidies,
                                long claimsSubmitted, long claimsOpen, long claimsRejected,
                                long claimsRejectedAtPreCheck, long claimsRejectedByAuditors,
                                long claimsPaid, long unitsWithPaidClaims, BigDecimal amountPaid,
                                BigDecimal averagePayout, BigDecimal largestPayout,
                                BigDecimal largePayoutThreshold, long largePayouts, BigDecimal largePayoutAmount,
                                long paidWithinDeadline, BigDecimal paidWithinDeadlineShare,
                                BigDecimal averageWorkingDaysToPay, Integer medianWorkingDaysToPay,
                                Reviews reviews, List<FunderShare> funders, String headline) {

    /**
     * Reviews of rejections (复核申请) and how they stand: upheld (撤销驳回, audited again), refused
     * (维持驳回, final), or still open.
     */
    public record Reviews(long requested, long online, long upheld, long refused, long open) {
    }
}
