package org.huzhu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.security.StaffMobiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where every message is written, in the caller's transaction, so a message exists exactly
 * when the change it tells of committed; {@link OutboxDispatcher} delivers it afterwards, soon
 * after the commit and on the poll.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final DispatchSoon soon;
    private final StaffMobiles staffMobiles;

    Outbox(JdbcClient jdbc, ObjectMapper json, Clock clock, DispatchSoon soon, StaffMobiles staffMobiles) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.soon = soon;
        this.staffMobiles = staffMobiles;
    }

    /**
     * Writes a message to a member; a second message with the same key changes nothing. It goes
     * to the mobile number on file when it is sent.
     *
     * @param claimId  the claim it is about, or null (a sign-in code)
     * @param kind     a stable code, e.g. {@code PAID} ({@link MessageKinds})
     * @param dedupKey unique per message, e.g. {@code PAID:42}
     * @param params   the SMS template's parameters
     * @param text     the message as the member reads it
     */
    public void toMember(long memberId, Long claimId, String kind, String dedupKey, Map<String, String> params,
                         String text) {
        write(memberId, null, null, claimId, kind, dedupKey, params, null, text);
    }

    /**
     * Writes a message to staff, e.g. the supervisors' group: one for each of its members with a
     * number on file ({@link StaffMobiles}), each delivered on its own; when none has one, one for
     * the group, kept in the mailbox. A second message with the same key changes nothing.
     *
     * @param recipients the group to tell, e.g. {@code supervisor}
     */
    public void toStaff(String recipients, Long claimId, String kind, String dedupKey, Map<String, String> params,
                        String subject, String text) {
        List<String> reachable = staffMobiles.reachableIn(recipients);
        if (reachable.isEmpty()) {
            write(null, recipients, null, claimId, kind, dedupKey, params, subject, text);
        }
        for (String user : reachable) {
            write(null, recipients, user, claimId, kind, dedupKey + ":" + user, params, subject, text);
        }
    }

    private void write(Long memberId, String staff, String staffUser, Long claimId, String kind, String dedupKey,
                       Map<String, String> params, String subject, String text) {
        jdbc.sql("""
                        insert into notification (claim_id, member_id, staff_recipients, staff_user, kind, dedup_key, params,
                                                  subject, message, created_at)
                        values (:claim, :member, :staff, :user, :kind, :key, cast(:params as jsonb), :subject, :message, :at)
                        on conflict (dedup_key) do nothing
                        """)
                .param("claim", claimId).param("member", memberId).param("staff", staff).param("user", staffUser)
                .param("kind", kind)
                .param("key", dedupKey).param("params", asJson(params)).param("subject", subject)
                .param("message", text).param("at", Timestamp.from(clock.instant())).update();
        soon.afterCommit();
    }

    private String asJson(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template parameters cannot be written as JSON", e);
        }
    }
}
