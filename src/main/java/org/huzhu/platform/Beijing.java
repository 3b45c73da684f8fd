package org.huzhu.platform;

import java.time.ZoneId;

/** Huzhu counts days, deadlines and scheme years in Beijing time. */
public final class Beijing {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Beijing() {
    }
}
