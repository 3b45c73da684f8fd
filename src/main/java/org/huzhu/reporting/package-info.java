/**
 * Read models across modules for supervisors and administrators: the supervisors' SLA reports
 * ({@code SupervisorReports}, served under {@code /api/sla}: counters, urgent claims, compliance)
 * and the audit trail merged with the claims' histories ({@code AuditHistory}, per person under
 * {@code /api/audit} and per claim under {@code /api/claims/{id}/audit}). Owns no table. The one module allowed to read other modules'
 * tables in SQL; each read model says in its Javadoc which tables it reads.
 */
package org.huzhu.reporting;
