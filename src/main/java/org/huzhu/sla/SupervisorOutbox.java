package org.huzhu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages to the supervisors, written in the transaction that raises them and delivered
 * afterwards by the sender, so a failing channel never undoes an escalation. Several nodes
 * may deliver at once: each takes rows the others have not locked.
 */
@Component
public class SupervisorOutbox {

    private static final Logger log = LoggerFactory.getLogger(SupervisorOutbox.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final SupervisorNotificationSender sender;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SupervisorOutbox(JdbcClient jdbc, SupervisorNotificationSender sender, TransactionTemplate transaction,
                     Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.transaction = transaction;
        this.clock = clock;
    }

    void add(long escalationId, String recipients, String subject, String message) {
        jdbc.sql("""
                        insert into supervisor_notification (escalation_id, recipients, subject, message, created_at)
                        values (:escalation, :recipients, :subject, :message, :at)
                        """)
                .param("escalation", escalationId).param("recipients", recipients).param("subject", subject)
                .param("message", message).param("at", Timestamp.from(clock.instant())).update();
    }

    /** Sends what is waiting; returns how many went out. */
    @Scheduled(fixedDelayString = "${huzhu.sla.outbox-interval:PT30S}")
    public int dispatch() {
        Integer sent = transaction.execute(status -> {
            List<SupervisorNotification> waiting = jdbc.sql("""
                            select id, recipients, subject, message, created_at from supervisor_notification
                            where sent_at is null order by id limit :batch for update skip locked
                            """)
                    .param("batch", BATCH)
                    .query((row, n) -> new SupervisorNotification(row.getLong("id"), row.getString("recipients"),
                            row.getString("subject"), row.getString("message"),
                            row.getTimestamp("created_at").toInstant()))
                    .list();
            int delivered = 0;
            for (SupervisorNotification notification : waiting) {
                delivered += deliver(notification, clock.instant()) ? 1 : 0;
            }
            return delivered;
        });
        return sent == null ? 0 : sent;
    }

    private boolean deliver(SupervisorNotification notification, Instant now) {
        try {
            sender.send(notification);
            jdbc.sql("update supervisor_notification set sent_at = :at, attempts = attempts + 1 where id = :id")
                    .param("at", Timestamp.from(now)).param("id", notification.id()).update();
            return true;
        } catch (RuntimeException e) {
            log.warn("Supervisor notification {} not delivered: {}", notification.id(), e.toString());
            String error = String.valueOf(e.getMessage());
            jdbc.sql("update supervisor_notification set attempts = attempts + 1, last_error = :error where id = :id")
                    .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("id", notification.id()).update();
            return false;
        }
    }
}
