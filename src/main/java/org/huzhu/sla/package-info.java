/**
 * Payment deadlines: the working-day calendar (published per year by admins), each claim's
 * clock from complete materials to payment with its stage budgets, the escalations the
 * process raises, and the supervisors' views and metrics built on our own indexed tables. Owns the
 * tables {@code working_day_calendar}, {@code working_day_calendar_day}, {@code claim_sla},
 * {@code claim_sla_stage}, {@code sla_escalation}, {@code supervisor_notification},
 * {@code sla_open_tally} and {@code sla_paid_tally}.
 */
package org.huzhu.sla;
