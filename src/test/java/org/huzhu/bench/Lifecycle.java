package org.huzhu.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.huzhu.support.Api;
import org.huzhu.support.Statements;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 1: clerks submit claims and auditors decide them over HTTP until the payout job
 * has handed them to the bank (the batch that sends them runs on its own schedule). An auditor finds the claim's task the way their list row gives it: by the
 * work item of the claim (the list itself is timed in scenario 3).
 */
final class Lifecycle {

    private final Http http;
    private final JdbcClient jdbc;
    private final BenchSetup setup;
    private final Statements statements;
    private final Map<Step, LongAdder> stepNanos = new EnumMap<>(Step.class);
    private final LongAdder claimsTimed = new LongAdder();
    private final LongAdder secondAudits = new LongAdder();

    /** A claim's steps; each has its name in the statement counts, shared by the bare scenarios' matching steps. */
    enum Step {
        SUBMIT("submit"), AGENCY_DECISION("agency_decision"), LEAGUE_DECISION("league_decision"),
        UNTIL_HANDED_TO_BANK("payout");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The driver's own look-ups (task ids, the payment instruction) go to jdbc, which should not count statements. */
    Lifecycle(Http http, JdbcClient jdbc, BenchSetup setup, Statements statements) {
        this.http = http;
        this.jdbc = jdbc;
        this.setup = setup;
        this.statements = statements;
        for (Step step : Step.values()) {
            stepNanos.put(step, new LongAdder());
        }
    }

    /** Claims per second from submission to the payment instruction, with that many workers each at its own agency. */
    double claimsPerSecond(int workers, int claims) {
        return Workers.perSecond(workers, claims, worker -> claimUntilPaid(worker % setup.agencyCount()));
    }

    void claimUntilPaid(int agencyIndex) {
        statements.step(Step.SUBMIT.label());
        long start = System.nanoTime();
        long claimId = http.post(BenchSetup.clerk(agencyIndex), "/api/claims", setup.firstClaim(agencyIndex), 201)
                .get("id").asLong();
        start = step(Step.SUBMIT, start, Step.AGENCY_DECISION);
        decide(BenchSetup.auditor(agencyIndex), claimId, "AgencyCheck", "APPROVE");
        start = step(Step.AGENCY_DECISION, start, Step.LEAGUE_DECISION);
        decide(BenchSetup.LEAGUE, claimId, "LeagueAudit", "APPROVE");
        if (hasWorkItem(claimId, "SecondAudit")) {
            // Not expected (every claimant is new), but counted, as it would make the shapes differ.
            decide(BenchSetup.SECOND_LEAGUE, claimId, "SecondAudit", "APPROVE");
            secondAudits.increment();
        }
        start = step(Step.LEAGUE_DECISION, start, Step.UNTIL_HANDED_TO_BANK);
        awaitPaymentInstruction(claimId);
        step(Step.UNTIL_HANDED_TO_BANK, start, null);
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

    /** How many of the claims so far also took a second audit. */
    long secondAudits() {
        return secondAudits.sum();
    }

    private boolean hasWorkItem(long claimId, String stage) {
        return jdbc.sql("select count(*) from work_item where claim_id = :claim and stage = :stage")
                .param("claim", claimId).param("stage", stage).query(Long.class).single() > 0;
    }

    /** Times the step that finished and, when statements are counted, starts counting the next (null: none). */
    private long step(Step finished, long since, Step next) {
        stepNanos.get(finished).add(System.nanoTime() - since);
        statements.step(next == null ? null : next.label());
        return System.nanoTime();
    }

    void decide(String user, long claimId, String stage, String outcome) {
        String taskId = jdbc.sql("select task_id from work_item where claim_id = :claim and stage = :stage")
                .param("claim", claimId).param("stage", stage).query(String.class).single();
        boolean approve = "APPROVE".equals(outcome);
        http.post(user, "/api/tasks/" + taskId + "/decision", Api.decision(outcome,
                "REJECT".equals(outcome) ? "PAPERS_NOT_CONSISTENT" : null, approve ? null : "压测：材料不符"), 200);
    }

    /**
     * The asynchronous payout step has made the claim's payment instruction. The bank batch that
     * sends it runs on its own schedule (daily in production), so it is not part of a claim's time.
     */
    private void awaitPaymentInstruction(long claimId) {
        Workers.await("claim " + claimId + " handed to the bank", () -> jdbc.sql(
                "select count(*) from payment_instruction where claim_id = :id").param("id", claimId)
                .query(Long.class).single() > 0);
    }

    static List<Integer> workerCounts() {
        return List.of(1, 2, 4);
    }
}
