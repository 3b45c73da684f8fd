package org.huzhu.reporting;

import java.util.List;

import org.huzhu.audit.AuditEntry;
import org.huzhu.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail merged with the claims' own histories (decisions, pre-checks, payments), so one
 * query answers "what happened to this claim" or "what did this person do". Reads the tables
 * {@code audit_event} (audit) and {@code claim_event} (claim).
 */
@Repository
public class AuditHistory {

    private static final String MERGED = """
            select occurred_at, actor, action, subject_type, subject_id, claim_id, reason from audit_event
            union all
            select occurred_at, actor, step || coalesce(':' || decision, ''), 'CLAIM', claim_id::text, claim_id, reason
            from claim_event
            """;

    private final JdbcClient jdbc;

    AuditHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> ofClaim(long claimId) {
        return jdbc.sql("select * from (" + MERGED + ") t where claim_id = :claim order by occurred_at")
                .param("claim", claimId).query(AuditTrail::entry).list();
    }

    /** What one person did, newest first, at most {@code limit} entries. */
    public List<AuditEntry> byActor(String actor, int limit) {
        return jdbc.sql("select * from (" + MERGED + ") t where actor = :actor order by occurred_at desc limit :limit")
                .param("actor", actor).param("limit", limit).query(AuditTrail::entry).list();
    }
}
