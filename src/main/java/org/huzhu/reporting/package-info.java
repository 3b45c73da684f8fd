/**
 * Read models across modules for supervisors and administrators: the supervisors' SLA reports
 * ({@code SupervisorReports}, served under {@code /api/sla}: counters, urgent claims, compliance)
 * and the audit trail per person. Owns no table. The one module allowed to read other modules'
 * tables in SQL; each read model says in its Javadoc which tables it reads.
 */
package org.huzhu.reporting;
