/**
 * Read models across modules for supervisors and administrators: the supervisors' SLA reports
 * ({@code SupervisorReports}, served under {@code /api/sla}: counters, urgent claims, compliance),
 * the audit trail merged with the claims' histories ({@code AuditHistory}, per person under
 * {@code /api/audit} and per claim under {@code /api/claims/{id}/audit}) and the statistics the
 * unions publish ({@code Statistics}, under {@code /api/statistics} and the page 统计, with
 * {@code .xlsx} and CSV downloads). Owns the tables {@code statistics_claim_tally},
 * {@code statistics_days_tally}, {@code statistics_funder_tally} and
 * {@code statistics_enrolment_tally}: the statistics' roll-ups, kept by V30's triggers on claim,
 * payment and claim_sla and V31's on enrolment. The one module allowed to read other
 * modules' tables in SQL; each read model says in its Javadoc which tables it reads.
 */
package org.huzhu.reporting;
