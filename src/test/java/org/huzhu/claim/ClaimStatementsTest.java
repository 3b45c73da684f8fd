package org.huzhu.claim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.Statements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a claim costs the database, step by step, against the counts recorded here: a change that
 * adds queries to a claim's path fails at once. One claim runs first to warm the caches
 * (credentials, calendar, deployments), so the counted one sends the same statements every run.
 */
@HuzhuIntegrationTest
class ClaimStatementsTest extends ClaimProcessTest {

    /** Statements per step of one claim, as last counted; lower them when a claim gets cheaper. */
    private static final Map<String, Integer> RECORDED = Map.of(
            "submit", 62, "agency_decision", 78, "league_decision", 55, "payout", 22);
    private static final double ALLOWED_GROWTH = 1.10;

    @Autowired
    Statements statements;

    @Test
    void aClaimSendsNoMoreStatementsThanRecorded() {
        claim();
        Statements.Measurement measured = claim();

        Map<String, Long> counted = measured.statements();
        System.out.printf("statements per step %s (total %d), round trips %s (total %d)%n", counted,
                measured.totalStatements(), measured.roundTrips(), measured.totalRoundTrips());
        System.out.println("most sent: " + measured.top(10));
        assertThat(counted).containsOnlyKeys(RECORDED.keySet());
        Map<String, Long> over = new LinkedHashMap<>();
        RECORDED.forEach((step, recorded) -> {
            if (counted.get(step) > recorded * ALLOWED_GROWTH) {
                over.put(step, counted.get(step));
            }
        });
        assertThat(over).as("steps sending over 10 %% more statements than recorded %s", RECORDED).isEmpty();
        long recordedTotal = RECORDED.values().stream().mapToLong(Integer::longValue).sum();
        // a record far above the count would let the next added queries through unseen
        assertThat(measured.totalStatements()).as("a claim's statements fell below %d: record the new counts",
                        recordedTotal)
                .isGreaterThanOrEqualTo(Math.round(recordedTotal / ALLOWED_GROWTH));
    }

    /** Submission, both audits and the payout job, each step counted; then the bank pays it. */
    private Statements.Measurement claim() {
        String member = api.enrolledMember();
        statements.begin("payout");
        statements.step("submit");
        long id = claims.submit(member, "2000.00");
        statements.step(null);
        var agencyTask = claims.openTask(id);
        statements.step("agency_decision");
        Api.require(claims.decision("agency", agencyTask, "APPROVE"), 200);
        statements.step(null);
        var leagueTask = claims.openTask(id);
        statements.step("league_decision");
        Api.require(claims.decision("league", leagueTask, "APPROVE"), 200);
        statements.step(null);
        String payout = management.createJobQuery().processInstanceId(claims.processOf(id)).executable()
                .singleResult().getId();
        statements.step("payout");
        management.executeJob(payout);
        Statements.Measurement measured = statements.end();
        claims.pay(id);
        return measured;
    }
}
