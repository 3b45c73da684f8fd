package org.huzhu.reporting;

import java.math.BigDecimal;

/**
 * Rejected claims of one reason.
 *
 * @param code     a {@link RejectionReason} name: the pre-check's reasons by their code, AUDIT for an auditor's
 * @param category the auditor's {@link org.huzhu.claim.RejectionCategory} name; null for the pre-check and
 *                 for rejections recorded before auditors picked one
 * @param stage    the auditor's stage (AGENCY_CHECK, LEAGUE_AUDIT, ...); null for the pre-check
 * @param reason   the reason in words: the code's label, or the category's
 * @param share  percentage of all rejected claims of the period, one decimal
 */
public record RejectionCount(String code, String category, String stage, String stageLabel, String reason, long claims,
                             BigDecimal share) {
}
