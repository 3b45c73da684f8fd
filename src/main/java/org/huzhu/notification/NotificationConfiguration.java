package org.huzhu.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The settings, and the poll of the outbox every {@code huzhu.notification.poll-interval} (zero: no poll).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration implements SchedulingConfigurer {

    private final NotificationSettings settings;
    private final OutboxDispatcher dispatcher;

    NotificationConfiguration(NotificationSettings settings, OutboxDispatcher dispatcher) {
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (!settings.pollInterval().isZero() && !settings.pollInterval().isNegative()) {
            tasks.addFixedDelayTask(dispatcher::dispatch, settings.pollInterval());
        }
    }
}
