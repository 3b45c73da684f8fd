package org.huzhu.notification;

import java.time.Instant;

/**
 * A message as the mailbox page shows it.
 *
 * @param to    the masked mobile number or the staff group; null when a member's number is not on file
 * @param text  the full text, or a note when it may not be shown (a sign-in code sent by SMS)
 * @param state PENDING, SENT or FAILED
 */
public record MailboxEntry(long id, String kind, String kindLabel, String to, String subject, String text, String state,
                           int attempts, String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt,
                           String sender) {

    /** The state in Chinese: 待发送, 已发送, 发送失败. */
    public String stateLabel() {
        return switch (state) {
            case "SENT" -> "已发送";
            case "FAILED" -> "发送失败";
            default -> "待发送";
        };
    }
}
