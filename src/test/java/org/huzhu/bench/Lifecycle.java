package org.huzhu.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

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
    private final Map<Step, LongAdder> stepNanos = new EnumMap<>(Step.class);
    private final LongAdder claimsTimed = new LongAdder();

    private enum Step { SUBMIT, AGENCY_DECISION, LEAGUE_DECISION, UNTIL_PAID }

    Lifecycle(Http http, JdbcClient jdbc, BenchSetup setup) {
        this.http = http;
        this.jdbc = jdbc;
        this.setup = setup;
        for (Step step : Step.values()) {
            stepNanos.put(step, new LongAdder());
        }
    }

    /** Claims per second from submission to PAID, with that many workers each at its own agency. */
    double claimsPerSecond(int workers, int claims) {
        return Workers.perSecond(workers, claims, worker -> claimUntilPaid(worker % setup.agencyCount()));
    }

    void claimUntilPaid(int agencyIndex) {
        long start = System.nanoTime();
        long claimId = http.post(BenchSetup.clerk(agencyIndex), "/api/claims",
                setup.claim(agencyIndex, memberSlots.getAndIncrement(), BenchSetup.ALL_DOCUMENTS), 201).get("id").asLong();
        start = step(Step.SUBMIT, start);
        decide(BenchSetup.auditor(agencyIndex), claimId, "AgencyCheck", "APPROVE");
        start = step(Step.AGENCY_DECISION, start);
        decide(BenchSetup.LEAGUE, claimId, "LeagueAudit", "APPROVE");
        start = step(Step.LEAGUE_DECISION, start);
        awaitPaid(claimId);
        step(Step.UNTIL_PAID, start);
        claimsTimed.increment();
    }

    /** Where a claim's time goes, over every claim so far: the mean milliseconds of each step. */
    Map<String, Double> meanStepMillis() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            means.put(step.name().toLowerCase(), Math.round(stepNanos.get(step).sum() / 1e4 / claimsTimed.sum()) / 100.0);
        }
        return means;
    }

    private long step(Step step, long since) {
        long now = System.nanoTime();
        stepNanos.get(step).add(now - since);
        return now;
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
