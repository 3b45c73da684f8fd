package org.huzhu.scheme;

import java.math.BigDecimal;

/**
 * A hospital stay's figures from the invoice and the insurance settlement statement, in yuan.
 * Policy scope is the part inside the basic insurance catalogue; the rest is never subsidised.
 */
public record Expenses(BigDecimal total, BigDecimal policyScope, BigDecimal fundPaid,
                       BigDecimal criticalIllnessPaid, BigDecimal medicalAssistancePaid) {

    /** What the member still bears of the compliant part, never below zero. */
    public BigDecimal eligibleBase() {
        BigDecimal base = policyScope.subtract(fundPaid).subtract(criticalIllnessPaid).subtract(medicalAssistancePaid);
        return base.signum() < 0 ? BigDecimal.ZERO.setScale(2) : base;
    }
}
