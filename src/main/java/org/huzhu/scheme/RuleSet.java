package org.huzhu.scheme;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One published version of a scheme's rules for one organiser, in force for a period. A
 * version replaced by one starting the same day is superseded: never in force again, kept
 * for the claims calculated on it.
 */
public record RuleSet(long id, String scheme, String organiserCode, int version, LocalDate effectiveFrom,
                      LocalDate effectiveTo, Long supersededBy, RuleSetDefinition definition, String publishedBy,
                      Instant publishedAt, String reason) {
}
