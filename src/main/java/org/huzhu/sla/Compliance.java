package org.huzhu.sla;

import java.math.BigDecimal;

/**
 * How well one agency, or one month, kept the deadline: of the claims paid, the share paid in
 * time and the median and 90th percentile of working days to pay (null when none was paid).
 *
 * @param key   the agency code or the month (2026-10)
 * @param label the agency name or the month in Chinese
 */
public record Compliance(String key, String label, long paid, long paidInTime, BigDecimal inTimePercent,
                         Integer medianWorkingDays, Integer p90WorkingDays) {
}
