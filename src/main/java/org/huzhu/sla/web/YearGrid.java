package org.huzhu.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.huzhu.sla.CalendarDay;

/**
 * A year as twelve month grids, weeks from Monday to Sunday, each day marked as a working day, a
 * weekend, a holiday (休) or a make-up working day (班), as a published or previewed calendar has it.
 */
record YearGrid(int year, List<Month> months, long offDays, long makeUpDays) {

    enum Kind {
        WORKING_DAY("工作日"), WEEKEND("周末"), HOLIDAY("放假"), MAKE_UP_DAY("调休上班");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One day of a grid; {@code date} is null for the blanks before the first and after the last day of a month. */
    record Cell(LocalDate date, Kind kind, String name, boolean today) {

        /** The CSS class of the day. */
        public String css() {
            return date == null ? "blank" : kind.name().toLowerCase().replace('_', '-') + (today ? " today" : "");
        }

        /** The tooltip: 2027-02-11 春节（放假）. */
        public String title() {
            if (date == null) {
                return null;
            }
            return date + (name == null ? "" : " " + name) + "（" + kind.label() + (today ? "，今天" : "") + "）";
        }

        /** 休 or 班 beside the day's number. */
        public String mark() {
            return kind == Kind.HOLIDAY ? "休" : kind == Kind.MAKE_UP_DAY ? "班" : null;
        }
    }

    record Month(int month, List<List<Cell>> weeks) {
    }

    static YearGrid of(int year, Collection<CalendarDay> days, LocalDate today) {
        Map<LocalDate, CalendarDay> changed = new HashMap<>();
        days.forEach(day -> changed.put(day.date(), day));
        List<Month> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(year, month);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int blank = 1; blank < ym.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(null, null, null, false));
            }
            for (LocalDate date = ym.atDay(1); !date.isAfter(ym.atEndOfMonth()); date = date.plusDays(1)) {
                CalendarDay day = changed.get(date);
                week.add(new Cell(date, kind(date, day), day == null ? null : day.name(), date.equals(today)));
                if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, null, null, false));
                }
                weeks.add(week);
            }
            months.add(new Month(month, weeks));
        }
        long off = days.stream().filter(CalendarDay::offDay).count();
        return new YearGrid(year, months, off, days.size() - off);
    }

    private static Kind kind(LocalDate date, CalendarDay day) {
        if (day != null) {
            return day.offDay() ? Kind.HOLIDAY : Kind.MAKE_UP_DAY;
        }
        return date.getDayOfWeek().getValue() >= 6 ? Kind.WEEKEND : Kind.WORKING_DAY;
    }
}
