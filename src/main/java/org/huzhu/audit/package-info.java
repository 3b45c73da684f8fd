/**
 * The audit trail: who did what, when and why, beyond a claim's own history. Assignments,
 * reads of full personal data, changes of users, rules, calendars and deployments.
 */
package org.huzhu.audit;
