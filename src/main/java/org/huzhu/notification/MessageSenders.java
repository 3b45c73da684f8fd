package org.huzhu.notification;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Which sender delivers what: messages to a number (a member's, a staff member's on file) by the
 * configured one ({@code huzhu.notification.sender}: {@code mailbox} or {@code sms}); a message
 * to a staff group none of whose members has a number by the mailbox.
 */
@Component
class MessageSenders {

    private final MessageSender byPhone;
    private final Mailbox mailbox = new Mailbox();

    MessageSenders(NotificationSettings settings, ObjectMapper json, Clock clock) {
        this.byPhone = switch (settings.sender()) {
            case "mailbox" -> mailbox;
            case "sms" -> new SmsSender(settings.sms(), json, clock);
            default -> throw new IllegalStateException("huzhu.notification.sender is mailbox or sms, not "
                    + settings.sender());
        };
    }

    MessageSender byPhone() {
        return byPhone;
    }

    MessageSender toGroups() {
        return mailbox;
    }

    /** Whether members' messages stay in the mailbox (the demo): then admins may read them in full there. */
    boolean membersReadInMailbox() {
        return byPhone == mailbox;
    }
}
