package org.huzhu.reporting;

import java.math.BigDecimal;

/**
 * What one funder bore of the amount paid (payout's funders' shares of confirmed payments).
 *
 * @param share percentage of the amount paid, one decimal
 */
public record FunderShare(String code, String name, BigDecimal amount, BigDecimal share) {
}
