package org.huzhu.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where every message to a member is written, in the caller's transaction, so a message exists
 * exactly when the change it tells of committed; the senders deliver it afterwards.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes a message to a member; a second message with the same key changes nothing.
     *
     * @param claimId  the claim it is about, or null (a sign-in code)
     * @param kind     a stable code, e.g. {@code PAID}
     * @param dedupKey unique per message, e.g. {@code PAID:42}
     * @param params   the SMS template's parameters
     * @param text     the message as the member reads it
     */
    public void toMember(long memberId, Long claimId, String kind, String dedupKey, Map<String, String> params,
                         String text) {
        jdbc.sql("""
                        insert into notification (claim_id, member_id, kind, dedup_key, params, message, created_at)
                        values (:claim, :member, :kind, :key, cast(:params as jsonb), :message, :at)
                        on conflict (dedup_key) do nothing
                        """)
                .param("claim", claimId).param("member", memberId).param("kind", kind).param("key", dedupKey)
                .param("params", asJson(params)).param("message", text)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private String asJson(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template parameters cannot be written as JSON", e);
        }
    }
}
