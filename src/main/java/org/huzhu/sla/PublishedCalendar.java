package org.huzhu.sla;

import java.time.Instant;
import java.util.List;

/** One published version of a year's calendar: its holidays and make-up working days. */
public record PublishedCalendar(int year, int version, String notice, String publishedBy, Instant publishedAt,
                                List<CalendarDay> days) {
}
