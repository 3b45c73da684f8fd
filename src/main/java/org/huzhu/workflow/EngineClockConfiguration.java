package org.huzhu.workflow;

import java.time.Clock;

import org.huzhu.platform.Beijing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

    /** The one "now" of Huzhu: the engine's clock, in Beijing time. */
    @Bean
    Clock clock() {
        return new EngineAlignedClock(Beijing.ZONE);
    }
}
