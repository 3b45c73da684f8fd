package org.huzhu.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.huzhu.platform.Beijing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to and reads the audit trail. Reads merge the claims' own histories (decisions,
 * pre-checks, payments), so one query answers "what happened to this claim" or "what did
 * this person do".
 */
@Repository
public class AuditTrail {

    private static final String MERGED = """
            select occurred_at, actor, action, subject_type, subject_id, claim_id, reason from audit_event
            union all
            select occurred_at, actor, step || coalesce(':' || decision, ''), 'CLAIM', claim_id::text, claim_id, reason
            from claim_event
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subjectType, String subjectId, Long claimId, String reason) {
        jdbc.sql("""
                        insert into audit_event (occurred_at, actor, action, subject_type, subject_id, claim_id, reason)
                        values (:at, :actor, :action, :type, :subject, :claim, :reason)
                        """)
                .param("at", Timestamp.from(clock.instant())).param("actor", actor).param("action", action)
                .param("type", subjectType).param("subject", subjectId).param("claim", claimId)
                .param("reason", reason).update();
    }

    public List<AuditEntry> ofClaim(long claimId) {
        return jdbc.sql("select * from (" + MERGED + ") t where claim_id = :claim order by occurred_at")
                .param("claim", claimId).query(AuditTrail::map).list();
    }

    /** What one person did, newest first, at most {@code limit} entries. */
    public List<AuditEntry> byActor(String actor, int limit) {
        return jdbc.sql("select * from (" + MERGED + ") t where actor = :actor order by occurred_at desc limit :limit")
                .param("actor", actor).param("limit", limit).query(AuditTrail::map).list();
    }

    public List<AuditEntry> ofSubject(String subjectType, String subjectId) {
        return jdbc.sql("select * from (" + MERGED + ") t where subject_type = :type and subject_id = :subject order by occurred_at")
                .param("type", subjectType).param("subject", subjectId).query(AuditTrail::map).list();
    }

    private static AuditEntry map(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEntry(row.getTimestamp("occurred_at").toInstant().atZone(Beijing.ZONE).toOffsetDateTime(), row.getString("actor"),
                row.getString("action"), row.getString("subject_type"), row.getString("subject_id"),
                (Long) row.getObject("claim_id"), row.getString("reason"));
    }
}
