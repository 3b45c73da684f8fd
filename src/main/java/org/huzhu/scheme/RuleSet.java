package org.huzhu.scheme;

import java.time.Instant;
import java.time.LocalDate;

/** One published version of a scheme's rules for one organiser, in force for a period. */
public record RuleSet(long id, String scheme, String organiserCode, int version, LocalDate effectiveFrom,
                      LocalDate effectiveTo, RuleSetDefinition definition, String publishedBy, Instant publishedAt,
                      String reason) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
