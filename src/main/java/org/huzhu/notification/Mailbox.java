package org.huzhu.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's and the tests' sender (开发信箱): a message is logged (kind and masked recipient,
 * never its text) and kept in the outbox, where admins read it at {@code /admin/mailbox}. The
 * supervisors' messages go here too until staff have a channel of their own.
 */
class Mailbox implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

    @Override
    public String name() {
        return "mailbox";
    }

    @Override
    public String send(OutgoingMessage message) {
        log.info("开发信箱: message {} ({}) to {}", message.id(), message.kind(), message.maskedRecipient());
        return "mailbox-" + message.id();
    }
}
