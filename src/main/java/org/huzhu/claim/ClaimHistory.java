package org.huzhu.claim;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only history of each claim. */
@Repository
public class ClaimHistory {

    private final JdbcClient jdbc;

    ClaimHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long claimId, String step, String actor, Instant at, String decision, String reason) {
        jdbc.sql("""
                        insert into claim_event (claim_id, step, actor, occurred_at, decision, reason)
                        values (:claim, :step, :actor, :at, :decision, :reason)
                        """)
                .param("claim", claimId).param("step", step).param("actor", actor).param("at", Timestamp.from(at))
                .param("decision", decision).param("reason", reason).update();
    }

    /**
     * Who has approved the claim at the league since its latest league audit began: the league
     * auditor and anyone who confirmed after them.
     */
    public List<String> leagueDecidersSinceLastAudit(long claimId) {
        return jdbc.sql("""
                        select actor from claim_event
                        where claim_id = :claim and decision is not null and step in (:leagueSide)
                          and id >= (select coalesce(max(id), 0) from claim_event
                                     where claim_id = :claim and step = :leagueAudit)
                        """)
                .param("claim", claimId).param("leagueSide", AuditStage.leagueSide().stream().map(Enum::name).toList())
                .param("leagueAudit", AuditStage.LEAGUE_AUDIT.name()).query(String.class).list();
    }

    /** Everyone who has decided the claim at any check by people, in any round: none of them may review its rejection. */
    public List<String> decidersOf(long claimId) {
        return jdbc.sql("select distinct actor from claim_event where claim_id = :claim and decision is not null and step in (:stages)")
                .param("claim", claimId).param("stages", java.util.Arrays.stream(AuditStage.values()).map(Enum::name).toList())
                .query(String.class).list();
    }

    /** The event that rejected the claim last: a check's rejection or the pre-check's finding that it is not eligible. */
    java.util.Optional<ClaimEvent> latestRejection(long claimId) {
        return of(claimId).stream().filter(event -> Decision.REJECT.name().equals(event.decision())
                || PreCheckOutcome.INELIGIBLE.name().equals(event.decision())).reduce((first, second) -> second);
    }

    public List<ClaimEvent> of(long claimId) {
        return jdbc.sql("select id, claim_id, step, actor, occurred_at, decision, reason from claim_event where claim_id = :claim order by id")
                .param("claim", claimId)
                .query((row, n) -> new ClaimEvent(row.getLong("id"), row.getLong("claim_id"), row.getString("step"),
                        row.getString("actor"), row.getTimestamp("occurred_at").toInstant(), row.getString("decision"),
                        row.getString("reason")))
                .list();
    }
}
