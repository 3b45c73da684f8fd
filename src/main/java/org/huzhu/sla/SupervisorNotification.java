package org.huzhu.sla;

import java.time.Instant;

/** A message to the supervisors waiting in the outbox; recipients is the group to tell. */
public record SupervisorNotification(long id, String recipients, String subject, String message, Instant createdAt) {
}
