/**
 * The audit trail: who did what, when and why, beyond a claim's own history. Assignments,
 * reads of full personal data, changes of users, rules, calendars and deployments. Owns the table
 * {@code audit_event}; a person's trail also reads the claims' own history ({@code claim_event}).
 */
package org.huzhu.audit;
