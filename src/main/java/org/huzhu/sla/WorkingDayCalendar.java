package org.huzhu.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huzhu.platform.Beijing;

/**
 * Which days are working days: Monday to Friday, except the holidays and make-up working days
 * of the published years. A year with no published calendar simply has no exceptions.
 * Counting follows Chinese law: the day something happens is not counted.
 */
public final class WorkingDayCalendar {

    private final Map<LocalDate, Boolean> offDays = new HashMap<>();
    private final Set<Integer> publishedYears;

    public WorkingDayCalendar(Collection<CalendarDay> days, Set<Integer> publishedYears) {
        days.forEach(day -> offDays.put(day.date(), day.offDay()));
        this.publishedYears = Set.copyOf(publishedYears);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean off = offDays.get(day);
        if (off != null) {
            return !off;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The Nth working day after the given day (the day itself not counted); the day itself for 0. */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        LocalDate day = from;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** How many working days come after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return workingDaysAfter(from, to).size();
    }

    /** The working days after {@code from} up to and including {@code to}, in order. */
    public List<LocalDate> workingDaysAfter(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /** The end (exclusive) of the Nth working day after the day, in Beijing time: a deadline. */
    public Instant endOfWorkingDay(LocalDate from, int workingDays) {
        return startOf(addWorkingDays(from, workingDays).plusDays(1));
    }

    /** The start of the Nth working day after the day, in Beijing time. */
    public Instant startOfWorkingDay(LocalDate from, int workingDays) {
        return startOf(addWorkingDays(from, workingDays));
    }

    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    /** Years from one day to another that have no published calendar and so count Monday to Friday. */
    public List<Integer> missingYears(LocalDate from, LocalDate to) {
        List<Integer> missing = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!isPublished(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, Beijing.ZONE);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Beijing.ZONE).toInstant();
    }
}
