package org.huzhu.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Reads Camunda's {@link ClockUtil}: the engine's timers and our deadlines must agree on
 * "now", also when a test moves the engine's time.
 */
final class EngineAlignedClock extends Clock {

    private final ZoneId zone;

    EngineAlignedClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineAlignedClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
