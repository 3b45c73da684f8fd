package org.huzhu.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Claims of one member approved at the same moment never pass the annual cap together, and pay once. */
@HuzhuIntegrationTest
class SubsidyCapConcurrencyTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    org.huzhu.payout.Payouts payouts;

    @Test
    void twoClaimsCalculatedAtOnceShareTheCap() throws Exception {
        Api api = new Api(rest);
        for (int round = 0; round < 3; round++) {
            String member = api.enrolledMember();
            // Each claim alone would get 300 + 0.5 x 119,000 = 59,800; together 119,600 > 100,000.
            List<String> tasks = new ArrayList<>();
            List<Long> claims = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                long id = require(api.post("clerk", "/api/claims", ClaimRequests.claim(member, "120000.00")), 201)
                        .body().get("id").asLong();
                claims.add(id);
                tasks.add(api.taskOf("agency", id));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String task : tasks) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("agency", "/api/tasks/" + task + "/decision", java.util.Map.of("outcome", "APPROVE")).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
            pool.shutdown();
            BigDecimal total = jdbc.sql("select sum(subsidy) from claim where id in (:ids)").param("ids", claims)
                    .query(BigDecimal.class).single();
            assertThat(total).isEqualByComparingTo("100000.00");
        }
    }

    @Test
    void aRepeatedPayoutPaysNothingMore() {
        Api api = new Api(rest);
        long id = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "5000.00")), 201)
                .body().get("id").asLong();
        require(api.decide("agency", id, "APPROVE", null), 200);
        require(api.decide("league", id, "APPROVE", null), 200);
        String process = jdbc.sql("select process_instance_id from claim where id = :id").param("id", id).query(String.class).single();
        payouts.instruct(id);
        Jobs.runDue(management, process);
        payouts.instruct(id);
        Jobs.runPaymentBatch(management);
        assertThat(jdbc.sql("select count(*) from payment where claim_id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_instruction where claim_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :id and step = 'PAID'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where claim_id = :id and kind = 'PAID'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
