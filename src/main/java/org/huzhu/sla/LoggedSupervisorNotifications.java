package org.huzhu.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default sender until a real channel is plugged in: the message goes to the log. */
@Component
class LoggedSupervisorNotifications implements SupervisorNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggedSupervisorNotifications.class);

    @Override
    public void send(SupervisorNotification notification) {
        log.info("To {}: {} — {}", notification.recipients(), notification.subject(), notification.message());
    }
}
