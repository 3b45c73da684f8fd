/**
 * Payment deadlines: the working-day calendar (published per year by admins), each claim's
 * clock from complete materials to payment with its stage budgets, the escalations the
 * process raises, the clocks' roll-ups and the metrics built on them (the supervisors' reports
 * that join claims and agencies live in {@code reporting}). Owns the tables
 * {@code working_day_calendar}, {@code working_day_calendar_day}, {@code claim_sla},
 * {@code claim_sla_stage}, {@code sla_escalation},
 * {@code sla_open_tally} and {@code sla_paid_tally}.
 */
package org.huzhu.sla;
