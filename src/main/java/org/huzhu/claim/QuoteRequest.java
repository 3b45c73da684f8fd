package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What counter staff ask a quote for: the figures of a claim not yet handed in. With a member,
 * their cover and earlier claims count as they would for the claim; without one, the optional
 * {@code alreadyPaidThisYear}, {@code claimsThisYear} and {@code coveredSince} stand in for them
 * (when left out: nothing paid yet, no waiting period, no years of membership).
 *
 * @param organiser the union whose rules apply; taken from the member, else from the caller's agency,
 *                  else the only organiser with rules for the scheme, when left out
 */
public record QuoteRequest(String scheme, String organiser, String memberIdNumber, LocalDate admissionDate,
                           LocalDate dischargeDate, ClaimSubmission.ExpenseFigures expenses, String diagnosisCode,
                           LocalDate diagnosisDate, BigDecimal alreadyPaidThisYear, Integer claimsThisYear,
                           LocalDate coveredSince) {
}
