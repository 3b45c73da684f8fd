package org.huzhu.inbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Auditors' task lists, taking and handing over work, and personal data kept to those who need it. */
@HuzhuIntegrationTest
class AuditorWorkTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    WorkItems workItems;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        // A second agency auditor at DEMO-A, to compete with the demo one.
        identities.ensureUser("agency2", "代办点A", "审核员二", "demo", List.of("agency-auditor", "agency-auditor-DEMO-A"));
    }

    @Test
    void twoAuditorsDecidingOneTaskAtOnceDecideItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                long claim = submit("600.00");
                String task = api.taskOf("agency", claim);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String auditor : List.of("agency", "agency2")) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post(auditor, "/api/tasks/" + task + "/decision", Map.of("outcome", "APPROVE")).status();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :id and step = 'AGENCY_CHECK'")
                        .param("id", claim).query(Long.class).single()).isEqualTo(1);
                assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :id and step = 'SUBSIDY_CALCULATED'")
                        .param("id", claim).query(Long.class).single()).isEqualTo(1);
                assertThat(api.get("admin", "/api/claims/" + claim).body().get("status").asText()).isEqualTo("LEAGUE_AUDIT");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aClaimedTaskIsTheHoldersUntilReleasedOrReassigned() {
        long claim = submit("700.00");
        String task = api.taskOf("agency", claim);
        assertThat(api.post("agency-b", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(403);
        require(api.post("agency", "/api/tasks/" + task + "/claim", null), 204);
        Api.Answer taken = api.post("agency2", "/api/tasks/" + task + "/decision", Map.of("outcome", "APPROVE"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("code").asText()).isEqualTo("TASK_CLAIMED_BY_OTHER");
        assertThat(api.post("agency2", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(409);
        assertThat(row(api.get("agency2", "/api/tasks?assignedToMe=true").body(), task)).isNull();
        assertThat(row(api.get("agency", "/api/tasks?assignedToMe=true").body(), task)).isNotNull();

        assertThat(api.post("agency2", "/api/tasks/" + task + "/release", null).status()).isEqualTo(409);
        require(api.post("agency", "/api/tasks/" + task + "/release", null), 204);
        assertThat(row(api.get("agency2", "/api/tasks?unassigned=true&stage=AgencyCheck").body(), task)).isNotNull();

        assertThat(api.post("supervisor", "/api/tasks/" + task + "/assignee", Map.of("userId", "league", "reason", "试试")).status())
                .isEqualTo(400);
        require(api.post("supervisor", "/api/tasks/" + task + "/assignee", Map.of("userId", "agency2", "reason", "原审核员休假")), 204);
        require(api.post("agency2", "/api/tasks/" + task + "/decision", Map.of("outcome", "APPROVE")), 200);

        List<String> trail = new ArrayList<>();
        api.get("clerk", "/api/claims/" + claim + "/audit").body().forEach(e -> {
            trail.add(e.get("actor").asText() + ":" + e.get("action").asText());
            // Beijing time, as beside the claim
            assertThat(e.get("occurredAt").asText()).endsWith("+08:00");
        });
        assertThat(trail).containsSubsequence("agency:TASK_CLAIMED", "agency:TASK_RELEASED", "supervisor:TASK_REASSIGNED",
                "agency2:AGENCY_CHECK:APPROVE");
        assertThat(api.get("supervisor", "/api/audit?actor=agency2").body().toString()).contains("AGENCY_CHECK:APPROVE");
    }

    @Test
    void theListPutsUrgentWorkFirstThenTheOldestAndPages() {
        long older = submit("800.00");
        long newer = submit("810.00");
        workItems.markUrgent(newer);
        JsonNode urgent = require(api.get("agency", "/api/tasks?urgentOnly=true&size=100"), 200).body();
        assertThat(claimsOf(urgent)).contains(newer).doesNotContain(older);
        JsonNode first = api.get("agency", "/api/tasks?size=1").body();
        assertThat(first.get(0).get("urgent").asBoolean()).isTrue();
        Api.Answer page = api.get("agency", "/api/tasks?size=1&page=0");
        assertThat(page.headers().getFirst("X-Has-More")).isEqualTo("true");
        JsonNode row = row(api.get("agency", "/api/tasks?size=100&agency=DEMO-A&scheme=INPATIENT").body(),
                api.taskOf("agency", older));
        assertThat(row.get("memberIdNumberMasked").asText()).contains("********");
        assertThat(row.get("eligibleAmount").asText()).isEqualTo("800.00");
        assertThat(api.get("agency-b", "/api/tasks?size=100").body().toString()).doesNotContain("\"agencyCode\":\"DEMO-A\"");
        assertThat(Api.fieldCodes(require(api.get("agency", "/api/tasks?size=500"), 400))).containsExactly("size:OUT_OF_RANGE");
    }

    @Test
    void fullNumbersOnlyToThoseWhoNeedThemAndEveryReadIsRecorded() throws Exception {
        String member = api.enrolledMember();
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(member, "900.00")), 201).body().get("id").asLong();
        JsonNode detail = api.get("supervisor", "/api/claims/" + claim).body();
        assertThat(detail.toString()).doesNotContain(member).doesNotContain("6222021234567890128");
        assertThat(api.get("supervisor", "/api/claims/" + claim + "/personal-data").status()).isEqualTo(403);
        JsonNode full = require(api.get("agency", "/api/claims/" + claim + "/personal-data"), 200).body();
        assertThat(full.get("memberIdNumber").asText()).isEqualTo(member);
        assertThat(full.get("bankAccountNumber").asText()).isEqualTo("6222021234567890128");
        assertThat(jdbc.sql("select count(*) from audit_event where claim_id = :id and actor = 'agency' and action = 'PERSONAL_DATA_VIEWED'")
                .param("id", claim).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from act_ru_variable where text_ like :id or text2_ like :id")
                .param("id", "%" + member + "%").query(Long.class).single()).isZero();

        // Bad input carrying ID numbers, and an unknown member: the log must not repeat them.
        String stranger = org.huzhu.support.TestIds.idNumber();
        api.post("clerk", "/api/claims", ClaimRequests.claim(stranger, "10.00"));
        api.post("clerk", "/api/members", Map.of("idNumber", member, "name", "重复", "unitCode", "DEMO-U1", "insuranceType", "EMPLOYEE"));
        String log = Files.readString(Path.of("target/huzhu-test.log"), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(member).doesNotContain(stranger);
        List<String> fullIdsInLog = new ArrayList<>();
        Matcher candidates = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X](?![0-9])").matcher(log);
        while (candidates.find()) {
            if (ResidentIdNumber.parse(candidates.group()).isPresent()) {
                fullIdsInLog.add(candidates.group());
            }
        }
        assertThat(fullIdsInLog).as("full resident ID numbers in the application log of this test run").isEmpty();
    }

    private long submit(String eligible) {
        return require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), eligible)), 201)
                .body().get("id").asLong();
    }

    private static JsonNode row(JsonNode rows, String taskId) {
        for (JsonNode row : rows) {
            if (row.get("taskId").asText().equals(taskId)) {
                return row;
            }
        }
        return null;
    }

    private static List<Long> claimsOf(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("claimId").asLong()));
        return ids;
    }
}
