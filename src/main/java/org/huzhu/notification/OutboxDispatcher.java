package org.huzhu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.security.StaffMobiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: at least once, in order per member, once across nodes. Each message is
 * taken in a transaction of its own with {@code for update skip locked}, so two nodes never
 * hold the same one, and kept locked while it is sent; a later message to a member is not
 * taken while an earlier one is pending. A failed attempt is tried again after a wait that
 * doubles up to a cap, for as long as it takes; a refusal for good (an invalid number, no
 * number on file) fails the message with the reason. A node dying mid-send leaves the message
 * pending; the idempotency key sent with every attempt lets the provider deliver it once.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int PER_RUN = 500;
    /** A provider that failed this often in a row is away: the rest waits for the next run, not for its timeouts. */
    private static final int GIVE_UP_RUN_AFTER = 3;
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final MessageSenders senders;
    private final MemberMobiles mobiles;
    private final StaffMobiles staffMobiles;
    private final TransactionTemplate transaction;
    private final NotificationSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    /** The poll and the run after a commit take turns on one node; nodes share the work through the row locks. */
    private final ReentrantLock running = new ReentrantLock();

    OutboxDispatcher(JdbcClient jdbc, MessageSenders senders, MemberMobiles mobiles, StaffMobiles staffMobiles,
                     TransactionTemplate transaction, NotificationSettings settings, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.mobiles = mobiles;
        this.staffMobiles = staffMobiles;
        this.transaction = transaction;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    private enum Outcome { SENT, FAILED, TRY_AGAIN }

    /** One row of the outbox being delivered. */
    private record Waiting(long id, Long memberId, String staffRecipients, String staffUser, String kind, String params,
                           String subject, String text, int attempts) {

        /** To a number (a member's, a staff member's), not to a group's mailbox. */
        boolean byPhone() {
            return memberId != null || staffUser != null;
        }
    }

    /** Delivers what is due now; answers how many messages were sent. */
    public int dispatch() {
        running.lock();
        try {
            int sent = 0;
            int failedInARow = 0;
            for (int i = 0; i < PER_RUN && failedInARow < GIVE_UP_RUN_AFTER; i++) {
                Optional<Outcome> delivered = transaction.execute(status -> next().map(this::deliver));
                if (delivered == null || delivered.isEmpty()) {
                    break;
                }
                sent += delivered.get() == Outcome.SENT ? 1 : 0;
                failedInARow = delivered.get() == Outcome.TRY_AGAIN ? failedInARow + 1 : 0;
            }
            return sent;
        } finally {
            running.unlock();
        }
    }

    private Optional<Waiting> next() {
        return jdbc.sql("""
                        select n.id, n.member_id, n.staff_recipients, n.staff_user, n.kind, n.params::text params, n.subject,
                               n.message, n.attempts
                        from notification n
                        where n.state = 'PENDING' and (n.next_attempt_at is null or n.next_attempt_at <= :now)
                          and (n.member_id is null or not exists (
                              select 1 from notification earlier
                              where earlier.member_id = n.member_id and earlier.state = 'PENDING' and earlier.id < n.id))
                        order by n.id limit 1
                        for update of n skip locked
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> new Waiting(row.getLong("id"), (Long) row.getObject("member_id", Long.class),
                        row.getString("staff_recipients"), row.getString("staff_user"), row.getString("kind"),
                        row.getString("params"),
                        row.getString("subject"), row.getString("message"), row.getInt("attempts")))
                .optional();
    }

    private Outcome deliver(Waiting waiting) {
        MessageSender sender = waiting.byPhone() ? senders.byPhone() : senders.toGroups();
        String mobile = null;
        if (waiting.byPhone()) {
            Optional<String> onFile = waiting.memberId() != null ? mobiles.mobileOf(waiting.memberId())
                    : staffMobiles.of(waiting.staffUser());
            if (onFile.isEmpty()) {
                failed(waiting, sender, null, waiting.memberId() != null
                        ? "会员未登记手机号码，消息未发送（请代办点登记手机号码）"
                        : "工作人员" + waiting.staffUser() + "的手机号已删除，消息未发送");
                return Outcome.FAILED;
            }
            mobile = onFile.get();
        }
        OutgoingMessage message = new OutgoingMessage(waiting.id(), waiting.kind(), "huzhu-notification-" + waiting.id(),
                mobile, waiting.staffRecipients(), params(waiting.params()), waiting.subject(), waiting.text());
        try {
            String providerId = sender.send(message);
            jdbc.sql("""
                            update notification set state = 'SENT', sent_at = :at, attempts = attempts + 1,
                                   sender = :sender, provider_message_id = :provider, sent_to = :to,
                                   next_attempt_at = null, last_error = null
                            where id = :id
                            """)
                    .param("at", Timestamp.from(clock.instant())).param("sender", sender.name())
                    .param("provider", cut(providerId, 100)).param("to", message.maskedRecipient())
                    .param("id", waiting.id()).update();
            return Outcome.SENT;
        } catch (DeliveryRefused refused) {
            log.warn("Message {} ({}) refused for good by {}: {}", waiting.id(), waiting.kind(), sender.name(),
                    refused.getMessage());
            failed(waiting, sender, message.maskedRecipient(), refused.getMessage());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            Instant next = clock.instant().plus(settings.retry().after(waiting.attempts() + 1));
            log.warn("Message {} ({}) not delivered by {} (attempt {}), again at {}: {}", waiting.id(), waiting.kind(),
                    sender.name(), waiting.attempts() + 1, next, e.getMessage());
            jdbc.sql("""
                            update notification set attempts = attempts + 1, next_attempt_at = :next, last_error = :error,
                                   sender = :sender
                            where id = :id
                            """)
                    .param("next", Timestamp.from(next)).param("error", cut(String.valueOf(e.getMessage()), 500))
                    .param("sender", sender.name()).param("id", waiting.id()).update();
            return Outcome.TRY_AGAIN;
        }
    }

    private void failed(Waiting waiting, MessageSender sender, String to, String reason) {
        jdbc.sql("""
                        update notification set state = 'FAILED', attempts = attempts + 1, last_error = :error,
                               sender = :sender, sent_to = :to, next_attempt_at = null
                        where id = :id
                        """)
                .param("error", cut(reason, 500)).param("sender", sender.name()).param("to", to)
                .param("id", waiting.id()).update();
    }

    private Map<String, String> params(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template parameters of a message cannot be read", e);
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
