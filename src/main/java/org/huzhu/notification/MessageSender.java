package org.huzhu.notification;

/**
 * Delivers one message (an SMS provider, the demo mailbox). Called by the outbox's dispatcher,
 * which keeps the message's state: a sender only answers how this attempt went.
 */
public interface MessageSender {

    /** The sender's name kept with each message it sent, e.g. {@code sms}. */
    String name();

    /**
     * Sends the message; answers the provider's id for it. Throws {@link DeliveryRefused} when it
     * can never be delivered (an invalid number), any other exception when it may be tried again.
     */
    String send(OutgoingMessage message);
}
