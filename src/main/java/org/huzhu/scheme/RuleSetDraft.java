package org.huzhu.scheme;

import java.time.LocalDate;

/** A new version of a scheme's rules as an admin hands it in, before it is checked. */
public record RuleSetDraft(String organiser, LocalDate effectiveFrom, LocalDate effectiveTo, String reason,
                           RuleSetDefinition definition) {
}
