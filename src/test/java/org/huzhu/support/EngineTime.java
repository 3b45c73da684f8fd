package org.huzhu.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huzhu.platform.Beijing;

/**
 * Moves the engine's clock, which is also Huzhu's. Between moves the tests run on a test clock
 * that starts at {@link #START} when the test JVM starts and then runs on, so the dates written
 * in tests (enrolments, scheme years, calendars) keep their meaning on any real day; a test that
 * moves the clock resets it to the test clock afterwards.
 */
public final class EngineTime {

    /** A Tuesday in scheme year 2026 with calendars for 2026 and 2027 published. */
    public static final String START = "2026-12-01T09:00:00+08:00";
    private static final long OFFSET = date(START).getTime() - System.currentTimeMillis();

    private EngineTime() {
    }

    /** E.g. {@code 2026-09-28T09:00:00+08:00}. */
    public static void set(String time) {
        ClockUtil.setCurrentTime(date(time));
    }

    /** Back to the test clock (not the machine's). */
    public static void reset() {
        ClockUtil.offset(OFFSET);
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Beijing.ZONE);
    }

    public static Date date(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }
}
