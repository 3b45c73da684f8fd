package org.huzhu.sla.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.huzhu.platform.Beijing;
import org.huzhu.platform.Problems;
import org.huzhu.security.Staff;
import org.huzhu.sla.CalendarPublication;
import org.huzhu.sla.CalendarSubmission;
import org.huzhu.sla.PublishedCalendar;
import org.huzhu.sla.WorkingDayCalendar;
import org.huzhu.sla.WorkingDayCalendars;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar: due dates and each year's days for anyone signed in; publishing for process admins. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final WorkingDayCalendars calendars;
    private final CalendarPublication publication;

    CalendarController(WorkingDayCalendars calendars, CalendarPublication publication) {
        this.calendars = calendars;
        this.publication = publication;
    }

    /** @param calendarMissingYears years counted Monday to Friday because their calendar is not published */
    record DueDateView(LocalDate from, int workingDays, LocalDate dueDate, List<Integer> calendarMissingYears,
                       String note) {
    }

    record DayView(LocalDate date, String name) {
    }

    record CalendarView(int year, boolean published, Integer version, String notice, String publishedBy,
                        OffsetDateTime publishedAt, List<DayView> offDays, List<DayView> makeUpDays, String note,
                        Integer runningClaimsRescheduled) {
    }

    /** The Nth working day after {@code from} (not counted): payment is due by the end of it. */
    @GetMapping("/due-date")
    DueDateView dueDate(@RequestParam String from, @RequestParam String workingDays) {
        Problems problems = new Problems();
        LocalDate start = null;
        try {
            start = LocalDate.parse(from);
            CalendarPublication.checkYear(start.getYear(), "from", problems);
        } catch (DateTimeParseException e) {
            problems.add("from", "INVALID_FORMAT", "日期格式应为 YYYY-MM-DD");
        }
        int days = 0;
        try {
            days = Integer.parseInt(workingDays);
            if (days < 1 || days > 365) {
                problems.add("workingDays", "OUT_OF_RANGE", "工作日数应在1到365之间");
            }
        } catch (NumberFormatException e) {
            problems.add("workingDays", "INVALID_FORMAT", "工作日数应为整数");
        }
        problems.throwIfAny();
        WorkingDayCalendar calendar = calendars.current();
        LocalDate due = calendar.addWorkingDays(start, days);
        List<Integer> missing = calendar.missingYears(start.plusDays(1), due);
        return new DueDateView(start, days, due, missing, missing.isEmpty() ? null : missingNote(missing));
    }

    @GetMapping("/{year}")
    CalendarView year(@PathVariable int year) {
        checkYear(year);
        return view(year, calendars.published(year), null);
    }

    /** Publishes the year's calendar as its next version; deadlines and timers that depend on it follow. */
    @PutMapping("/{year}")
    CalendarView publish(@PathVariable int year, @RequestBody CalendarSubmission submission,
                         @AuthenticationPrincipal Staff staff) {
        CalendarPublication.Published published = publication.publish(year, submission, staff);
        return view(year, Optional.of(published.calendar()), published.runningClaimsRescheduled());
    }

    static void checkYear(int year) {
        Problems problems = new Problems();
        CalendarPublication.checkYear(year, "year", problems);
        problems.throwIfAny();
    }

    private static CalendarView view(int year, Optional<PublishedCalendar> published, Integer rescheduled) {
        if (published.isEmpty()) {
            return new CalendarView(year, false, null, null, null, null, List.of(), List.of(),
                    missingNote(List.of(year)), null);
        }
        PublishedCalendar calendar = published.get();
        return new CalendarView(year, true, calendar.version(), calendar.notice(), calendar.publishedBy(),
                calendar.publishedAt().atZone(Beijing.ZONE).toOffsetDateTime(), days(calendar, true),
                days(calendar, false), null, rescheduled);
    }

    private static List<DayView> days(PublishedCalendar calendar, boolean offDays) {
        return calendar.days().stream().filter(day -> day.offDay() == offDays)
                .map(day -> new DayView(day.date(), day.name())).toList();
    }

    static String missingNote(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining("、")) + "年工作日历尚未发布，暂按周一至周五计算工作日";
    }
}
