package org.huzhu.payout;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The bank: the simulator on the embedded demo database (bank {@code auto}), else result files from the real one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutSettings.class)
class PayoutConfiguration {

    @Bean
    Bank bank(PayoutSettings settings, Environment environment) {
        boolean demo = environment.getProperty("spring.datasource.url", "").isEmpty()
                && !environment.acceptsProfiles(Profiles.of("prod"));
        boolean simulator = switch (settings.bank()) {
            case "simulator" -> true;
            case "file" -> false;
            case "auto" -> demo;
            default -> throw new IllegalArgumentException("huzhu.payout.bank: auto, file or simulator");
        };
        return simulator ? new SimulatedBank(settings.inbox(), settings.directory().resolve("simulator"),
                settings.returnedAccounts()) : new FileBank(settings.inbox());
    }
}
