/**
 * Payment deadlines: the working-day calendar (published per year by admins), each claim's
 * clock from complete materials to payment with its stage budgets, the escalations the
 * process raises, and the supervisors' views and metrics built on our own indexed tables.
 */
package org.huzhu.sla;
