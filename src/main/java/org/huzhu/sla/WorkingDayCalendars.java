package org.huzhu.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.huzhu.platform.TransactionScoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published calendars, one version after another per year; the latest version of a year is in force. */
@Repository
public class WorkingDayCalendars {

    private static final String CURRENT = """
            select distinct on (year) id, year, version, notice, published_by, published_at
            from working_day_calendar order by year, version desc
            """;

    /** A calendar as read, with the newest version id it includes. */
    private record Loaded(long newestVersion, WorkingDayCalendar calendar) {
    }

    private final JdbcClient jdbc;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    /** The newest version id, asked once per transaction (a claim's step asks for the calendar several times). */
    private final TransactionScoped<Boolean, Long> newestInTransaction = new TransactionScoped<>();

    WorkingDayCalendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The calendar in force: every year's latest version. Versions are only ever added, under ids
     * that are never reused, so the calendar read last is still in force while the newest id is
     * the same (one indexed read instead of reading every day again; publications on other nodes
     * and rolled-back ones included).
     */
    public WorkingDayCalendar current() {
        long newest = newestInTransaction.get(true,
                any -> jdbc.sql("select coalesce(max(id), 0) from working_day_calendar").query(Long.class).single());
        Loaded last = loaded.get();
        if (last != null && last.newestVersion() == newest) {
            return last.calendar();
        }
        WorkingDayCalendar calendar = read();
        loaded.set(new Loaded(newest, calendar));
        return calendar;
    }

    private WorkingDayCalendar read() {
        List<CalendarDay> days = jdbc.sql("select d.day, d.name, d.off_day from (" + CURRENT + ") c "
                        + "join working_day_calendar_day d on d.calendar_id = c.id")
                .query(WorkingDayCalendars::day).list();
        List<Integer> years = jdbc.sql("select distinct year from working_day_calendar").query(Integer.class).list();
        return new WorkingDayCalendar(days, new HashSet<>(years));
    }

    public Optional<PublishedCalendar> published(int year) {
        return jdbc.sql("select * from (" + CURRENT + ") c where c.year = :year").param("year", year)
                .query(this::calendar).optional();
    }

    /** Every year's version in force, by year. */
    public List<PublishedCalendar> publishedYears() {
        return jdbc.sql("select * from (" + CURRENT + ") c order by c.year").query(this::calendar).list();
    }

    /** Every version of the year, the newest first. */
    public List<PublishedCalendar> versions(int year) {
        return jdbc.sql("select * from working_day_calendar where year = :year order by version desc")
                .param("year", year).query(this::calendar).list();
    }

    private PublishedCalendar calendar(ResultSet row, int rowNumber) throws SQLException {
        return new PublishedCalendar(row.getInt("year"), row.getInt("version"), row.getString("notice"),
                row.getString("published_by"), row.getTimestamp("published_at").toInstant(), days(row.getLong("id")));
    }

    /** Stores the year's calendar as its next version. */
    public PublishedCalendar publish(int year, List<CalendarDay> days, String notice, String publishedBy,
                                     Instant publishedAt) {
        newestInTransaction.forgetAll();
        long id = jdbc.sql("""
                        insert into working_day_calendar (year, version, notice, published_by, published_at)
                        values (:year, coalesce((select max(version) from working_day_calendar where year = :year), 0) + 1,
                                :notice, :by, :at)
                        returning id
                        """)
                .param("year", year).param("notice", notice).param("by", publishedBy)
                .param("at", Timestamp.from(publishedAt)).query(Long.class).single();
        for (CalendarDay day : days) {
            jdbc.sql("insert into working_day_calendar_day (calendar_id, day, off_day, name) values (:id, :day, :off, :name)")
                    .param("id", id).param("day", day.date()).param("off", day.offDay()).param("name", day.name())
                    .update();
        }
        return published(year).orElseThrow();
    }

    private List<CalendarDay> days(long calendarId) {
        return jdbc.sql("select day, name, off_day from working_day_calendar_day where calendar_id = :id order by day")
                .param("id", calendarId).query(WorkingDayCalendars::day).list();
    }

    private static CalendarDay day(ResultSet row, int rowNumber) throws SQLException {
        return new CalendarDay(row.getObject("day", LocalDate.class), row.getString("name"), row.getBoolean("off_day"));
    }
}
