package org.huzhu.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit trail, its time in Beijing like every other time people read here.
 * Decisions on claims come from the claim's history.
 */
public record AuditEntry(OffsetDateTime occurredAt, String actor, String action, String subjectType, String subjectId,
                         Long claimId, String reason) {
}
