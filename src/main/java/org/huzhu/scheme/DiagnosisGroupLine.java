package org.huzhu.scheme;

import java.math.BigDecimal;

/** The diagnosis group a lump-sum claim fell in, and the amount the group pays. */
public record DiagnosisGroupLine(String code, String name, String diagnosisCode, BigDecimal amount) {
}
