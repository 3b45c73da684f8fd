package org.huzhu.claim;

import java.time.Instant;

/** One step in a claim's history: who did what, when, and why. */
public record ClaimEvent(long id, long claimId, String step, String actor, Instant occurredAt, String decision,
                         String reason) {
}
