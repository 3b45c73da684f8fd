package org.huzhu.notification;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Which sender delivers what: members' messages by the configured one
 * ({@code huzhu.notification.sender}: {@code mailbox} or {@code sms}), staff's by the mailbox,
 * as staff have no number on file.
 */
@Component
class MessageSenders {

    private final MessageSender toMembers;
    private final Mailbox mailbox = new Mailbox();

    MessageSenders(NotificationSettings settings, ObjectMapper json, Clock clock) {
        this.toMembers = switch (settings.sender()) {
            case "mailbox" -> mailbox;
            case "sms" -> new SmsSender(settings.sms(), json, clock);
            default -> throw new IllegalStateException("huzhu.notification.sender is mailbox or sms, not "
                    + settings.sender());
        };
    }

    MessageSender toMembers() {
        return toMembers;
    }

    MessageSender toStaff() {
        return mailbox;
    }

    /** Whether members' messages stay in the mailbox (the demo): then admins may read them in full there. */
    boolean membersReadInMailbox() {
        return toMembers == mailbox;
    }
}
