package org.huzhu.sla;

/**
 * Delivers messages to the supervisors (SMS, WeChat Work, e-mail...). The outbox calls it after
 * the escalation has committed and retries on failure. A bean marked {@code @Primary} replaces
 * the default, which writes the message to the log.
 */
public interface SupervisorNotificationSender {

    /** Throws when the message could not be delivered; it is tried again later. */
    void send(SupervisorNotification notification);
}
