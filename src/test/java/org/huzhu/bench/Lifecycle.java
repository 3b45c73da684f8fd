package org.huzhu.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 1: clerks submit claims and auditors decide them over HTTP until the payout job
 * has paid them. An auditor finds the claim's task the way their list row gives it: by the
 * work item of the claim (the list itself is timed in scenario 3).
 */
final class Lifecycle {

    private static final long PAID_TIMEOUT_MS = 60_000;

    private final Http http;
    private final JdbcClient jdbc;
    private final BenchSetup setup;
    private final AtomicInteger memberSlots = new AtomicInteger();

    Lifecycle(Http http, JdbcClient jdbc, BenchSetup setup) {
        this.http = http;
        this.jdbc = jdbc;
        this.setup = setup;
    }

    /** Claims per second from submission to PAID, with that many workers each at its own agency. */
    double claimsPerSecond(int workers, int claims) {
        return Workers.perSecond(workers, claims, worker -> claimUntilPaid(worker % setup.agencyCount()));
    }

    void claimUntilPaid(int agencyIndex) {
        long claimId = http.post(BenchSetup.clerk(agencyIndex), "/api/claims",
                setup.claim(agencyIndex, memberSlots.getAndIncrement(), BenchSetup.ALL_DOCUMENTS), 201).get("id").asLong();
        decide(BenchSetup.auditor(agencyIndex), claimId, "AgencyCheck", "APPROVE");
        decide(BenchSetup.LEAGUE, claimId, "LeagueAudit", "APPROVE");
        awaitPaid(claimId);
    }

    void decide(String user, long claimId, String stage, String outcome) {
        String taskId = jdbc.sql("select task_id from work_item where claim_id = :claim and stage = :stage")
                .param("claim", claimId).param("stage", stage).query(String.class).single();
        Map<String, String> decision = "APPROVE".equals(outcome) ? Map.of("outcome", outcome)
                : Map.of("outcome", outcome, "reason", "压测：材料不符");
        http.post(user, "/api/tasks/" + taskId + "/decision", decision, 200);
    }

    private void awaitPaid(long claimId) {
        long deadline = System.currentTimeMillis() + PAID_TIMEOUT_MS;
        while (!"PAID".equals(jdbc.sql("select status from claim where id = :id").param("id", claimId)
                .query(String.class).single())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("claim " + claimId + " not paid within " + PAID_TIMEOUT_MS + " ms");
            }
            Workers.pause(10);
        }
    }

    static List<Integer> workerCounts() {
        return List.of(1, 2, 4);
    }
}
