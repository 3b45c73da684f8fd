package org.huzhu.membership;

import java.time.LocalDate;

/** A member's cover in one scheme for a period, both ends included. */
public record Enrolment(long id, long memberId, String scheme, LocalDate validFrom, LocalDate validTo) {
}
