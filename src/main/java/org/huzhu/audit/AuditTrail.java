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
 * Appends to and reads the audit trail (table audit_event). Its view merged with the claims' own
 * histories is {@code reporting}'s {@code AuditHistory}.
 */
@Repository
public class AuditTrail {

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

    /**
     * A list downloaded as a file ({@code LIST_EXPORTED}, subject {@code LIST} and the list's
     * name): what it held and how it was narrowed, so a leak can be traced to a download.
     */
    public void listExported(String actor, String list, String format, int rows, String filter) {
        record(actor, "LIST_EXPORTED", "LIST", list, null,
                format + "，" + rows + "行" + (filter == null || filter.isEmpty() ? "" : "，" + filter));
    }

    public List<AuditEntry> ofSubject(String subjectType, String subjectId) {
        return jdbc.sql("select * from audit_event where subject_type = :type and subject_id = :subject order by occurred_at")
                .param("type", subjectType).param("subject", subjectId).query(AuditTrail::entry).list();
    }

    /** One row of audit_event's columns, also of the merged view. */
    public static AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEntry(row.getTimestamp("occurred_at").toInstant().atZone(Beijing.ZONE).toOffsetDateTime(), row.getString("actor"),
                row.getString("action"), row.getString("subject_type"), row.getString("subject_id"),
                (Long) row.getObject("claim_id"), row.getString("reason"));
    }
}
