package org.huzhu.sla;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.huzhu.platform.TextLimit;

/**
 * A year's calendar as an admin publishes it. Its days have the shape of the public
 * holiday-cn files ({@code {"date","name","isOffDay"}}), so such a file can be sent as it is.
 *
 * @param notice the State Council notice it follows (title or address), optional
 */
public record CalendarSubmission(@TextLimit(500) String notice, List<Day> days) {

    public record Day(LocalDate date, String name, @JsonProperty("isOffDay") Boolean isOffDay) {
    }
}
