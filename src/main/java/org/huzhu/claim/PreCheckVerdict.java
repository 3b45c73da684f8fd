package org.huzhu.claim;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.huzhu.scheme.DocumentKind;

/**
 * What the pre-check finds on a claim: why it is refused, or which papers are missing, or
 * nothing standing in its way.
 *
 * @param reason                     why it is refused (INELIGIBLE) or what is missing (INCOMPLETE), in Chinese; null when ELIGIBLE
 * @param missing                    the papers still to hand in (INCOMPLETE)
 * @param paymentDeadlineWorkingDays working days from complete materials to payment under the rules in force;
 *                                   null when no rule set applies
 */
public record PreCheckVerdict(PreCheckOutcome outcome, String reason, Set<DocumentKind> missing,
                              Integer paymentDeadlineWorkingDays) {

    public PreCheckVerdict {
        missing = missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(missing));
    }
}
