/**
 * The audit trail: who did what, when and why, beyond a claim's own history. Assignments,
 * reads of full personal data, changes of users, rules, calendars and deployments. Owns the table
 * {@code audit_event} and reads no other; the view merged with the claims' own history
 * ({@code claim_event}) is {@code reporting}'s {@code AuditHistory}.
 */
package org.huzhu.audit;
