package org.huzhu.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huzhu.platform.Beijing;

/** Moves the engine's clock, which is also Huzhu's; a test that moves it resets it afterwards. */
public final class EngineTime {

    private EngineTime() {
    }

    /** E.g. {@code 2026-09-28T09:00:00+08:00}. */
    public static void set(String time) {
        ClockUtil.setCurrentTime(date(time));
    }

    public static void reset() {
        ClockUtil.reset();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Beijing.ZONE);
    }

    public static Date date(String time) {
        return Date.from(OffsetDateTime.parse(time).toInstant());
    }
}
