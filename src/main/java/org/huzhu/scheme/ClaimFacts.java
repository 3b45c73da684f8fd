package org.huzhu.scheme;

import java.time.LocalDate;

/**
 * What a claim (or a quote) says that the subsidy depends on. An expense claim has its
 * treatment dates and figures (an outpatient treatment's first and last day stand in for
 * admission and discharge); a lump-sum claim has its diagnosis code and date.
 */
public record ClaimFacts(LocalDate admissionDate, LocalDate dischargeDate, Expenses expenses, String diagnosisCode,
                         LocalDate diagnosisDate) {

    /** The day that decides cover and rules: admission for expense benefits, diagnosis for lump sums. */
    public LocalDate eventDate(BenefitKind kind) {
        return kind == BenefitKind.LUMP_SUM ? diagnosisDate : admissionDate;
    }
}
