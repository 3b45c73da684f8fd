package org.huzhu.audit;

import java.time.Instant;

/** One line of the audit trail. Decisions on claims come from the claim's history. */
public record AuditEntry(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
                         Long claimId, String reason) {
}
