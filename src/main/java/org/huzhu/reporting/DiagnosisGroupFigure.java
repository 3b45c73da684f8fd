package org.huzhu.reporting;

import java.math.BigDecimal;

/** Lump sums paid for one diagnosis group of the scheme's rules (e.g. BREAST_CANCER, 乳腺癌). */
public record DiagnosisGroupFigure(String code, String name, long claimsPaid, BigDecimal amountPaid) {
}
