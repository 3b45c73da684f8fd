package org.huzhu.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Claims submitted the same day at one agency share a roll-up row; decided at once, they all
 * leave it in parallel transactions. Every decision must succeed and the roll-ups must equal
 * a count from scratch afterwards (the race used to take the row below one and fail).
 */
@HuzhuIntegrationTest
class SlaTallyConcurrencyTest {

    private static final int CLAIMS = 8;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void claimsLeavingOneBucketAtOnceAllSucceedAndTheRollUpsStayExact() throws Exception {
        Api api = new Api(rest);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                    .body().get("id").asLong();
            tasks.add(api.taskOf("agency", claim));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> decisions = new ArrayList<>();
        for (String task : tasks) {
            decisions.add(pool.submit(() -> {
                start.await();
                return api.post("agency", "/api/tasks/" + task + "/decision", Map.of("outcome", "APPROVE")).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> decision : decisions) {
            statuses.add(decision.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200);
        assertThat(tallies()).containsExactlyInAnyOrderElementsOf(recount());
    }

    private List<String> tallies() {
        return jdbc.sql("""
                        select agency_id || ' ' || stage || ' ' || at_risk_at || ' ' || due_at || ' ' || stage_due_at
                               || ' ' || due_date || ' ' || start_year || ' ' || open
                        from sla_open_tally
                        """).query(String.class).list();
    }

    private List<String> recount() {
        return jdbc.sql("""
                        select agency_id || ' ' || stage || ' ' || at_risk_at || ' ' || due_at || ' '
                               || coalesce(stage_due_at, 'infinity') || ' ' || due_date || ' '
                               || extract(year from started_at at time zone 'Asia/Shanghai')::int || ' ' || count(*)
                        from claim_sla where stopped_at is null
                        group by agency_id, stage, at_risk_at, due_at, coalesce(stage_due_at, 'infinity'), due_date,
                                 extract(year from started_at at time zone 'Asia/Shanghai')::int
                        """).query(String.class).list();
    }
}
