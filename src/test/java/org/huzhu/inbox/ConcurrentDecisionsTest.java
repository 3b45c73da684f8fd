package org.huzhu.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Two league auditors acting on one league audit at the same moment (deciding, claiming):
 * exactly one decision counts, the others hear 409, and nobody gets a 500.
 */
@HuzhuIntegrationTest
class ConcurrentDecisionsTest {

    private static final int ROUNDS = 10;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void racingDecisionsAndClaimsOnOneTaskAnswerConflictsNeverErrors() throws Exception {
        Api api = new Api(rest);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int round = 0; round < ROUNDS; round++) {
            long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                    .body().get("id").asLong();
            require(api.decide("agency", claim, "APPROVE", null), 200);
            String task = api.taskOf("league", claim);
            String decision = "/api/tasks/" + task + "/decision";
            List<Integer> statuses = race(pool,
                    () -> api.post("league", decision, Map.of("outcome", "APPROVE")).status(),
                    () -> api.post("league-b", "/api/tasks/" + task + "/claim", null).status(),
                    () -> api.post("league-b", decision, Map.of("outcome", "APPROVE")).status());
            assertThat(statuses).as("round %d: decide, claim, decide", round).allMatch(s -> s < 500);
            assertThat(List.of(statuses.get(0), statuses.get(2))).as("round %d: exactly one decision counts", round)
                    .containsOnlyOnce(200);
            assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :id and step = 'LEAGUE_AUDIT'")
                    .param("id", claim).query(Long.class).single()).isEqualTo(1);
        }
        pool.shutdown();
    }

    @SafeVarargs
    private static List<Integer> race(ExecutorService pool, Callable<Integer>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (Callable<Integer> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get());
        }
        return statuses;
    }
}
