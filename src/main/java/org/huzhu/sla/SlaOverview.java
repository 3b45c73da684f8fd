package org.huzhu.sla;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The supervisors' counters: open claims by state, those waiting for supplements (no clock),
 * this month's payments, and the years whose calendar is missing and so count Monday to Friday.
 */
public record SlaOverview(OffsetDateTime asOf, OpenClaims open, long awaitingSupplements, Compliance thisMonth,
                          List<Integer> calendarMissingYears) {
}
