package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.huzhu.scheme.SubsidyCalculation;

/**
 * What a claim would be paid, calculated exactly as the claim itself will be, and stored nowhere.
 *
 * @param refusals    why the member's claim would be refused (not enrolled, not eligible, waiting
 *                    period, diagnosis not covered); empty when nothing stands in its way
 * @param explanation the calculation in words, as the auditors' forms show it
 */
public record SubsidyQuote(String scheme, String organiser, RuleSetVersion ruleSet, int schemeYear,
                           List<String> refusals, BigDecimal subsidy, String explanation,
                           SubsidyCalculation calculation) {

    /** The rule set version the quote was calculated on. */
    public record RuleSetVersion(long id, int version, LocalDate effectiveFrom, LocalDate effectiveTo, String reason) {
    }
}
