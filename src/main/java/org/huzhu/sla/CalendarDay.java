package org.huzhu.sla;

import java.time.LocalDate;

/** A day the State Council's notice changes: a holiday (off) or a make-up working day (调休). */
public record CalendarDay(LocalDate date, String name, boolean offDay) {
}
