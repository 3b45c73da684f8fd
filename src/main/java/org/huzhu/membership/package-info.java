/**
 * Who is covered: organisers (leagues), their agencies, member units, members and their
 * enrolment in a scheme for a period. Checks resident ID numbers and derives birth date and sex.
 * Owns the tables {@code organiser}, {@code agency}, {@code unit}, {@code member}, {@code enrolment} and
 * {@code enrolment_import} (a unit's member list from Excel, {@code EnrolmentImport}).
 * Whether a scheme exists it asks through {@code SchemeNames}, which the scheme module implements;
 * where a member's messages go it answers for the notification module ({@code MemberMobiles}).
 */
package org.huzhu.membership;
