package org.huzhu.claim;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestOrganisers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * An admin publishes the next scheme year's rules: claims admitted before the revision are
 * paid on the old version, those admitted after on the new, and a paid claim keeps its
 * version whatever is published later.
 */
@HuzhuIntegrationTest
class RuleSetRevisionApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    Api api;
    String organiser;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        organiser = TestOrganisers.create(organisations, identities);
    }

    @Test
    void aClaimAdmittedBeforeTheRevisionIsPaidOnTheOldSetAndOneAdmittedAfterOnTheNew() {
        // The revision starts a scheme year: both versions' years begin on its day.
        LocalDate revision = EngineTime.today().minusDays(30);
        publish("2019-10-16", rules("anyang-inpatient-2019.json", revision), "首年规则");
        publish(revision.toString(), rules("inpatient-next-year-example.json", revision), "新保障年度：六档比例、住院津贴");
        String member = api.enrolledMember(TestOrganisers.agency(organiser), "EMPLOYEE");

        // Old year, old rules: 300 + 50% of 209,400 = 105,000, cut to the 100,000 cap.
        long before = payOut(stay(member, "210400.00", 60, 50));
        JsonNode paidBefore = api.get("admin", "/api/claims/" + before).body();
        assertThat(paidBefore.get("status").asText()).isEqualTo("PAID");
        assertThat(paidBefore.get("subsidy").asText()).isEqualTo("100000.00");
        assertThat(paidBefore.get("breakdown").get("ruleSetVersion").asInt()).isEqualTo(1);
        assertThat(paidBefore.get("breakdown").get("calculation").get("capCut").asText()).isEqualTo("5000.00");

        // New year, new rules, a fresh cap: 400 + 2,200 + 3,000 + 70% of 4,054 = 8,437.80, plus
        // 10 days x 30 yuan of daily allowance for more than five years of membership.
        long after = payOut(stay(member, "14054.00", 20, 10));
        JsonNode paidAfter = api.get("admin", "/api/claims/" + after).body();
        assertThat(paidAfter.get("status").asText()).isEqualTo("PAID");
        assertThat(paidAfter.get("breakdown").get("ruleSetVersion").asInt()).isEqualTo(2);
        JsonNode calculation = paidAfter.get("breakdown").get("calculation");
        assertThat(calculation.get("paidThisYear").asText()).isEqualTo("0.00");
        assertThat(calculation.get("tiers")).hasSize(6);
        assertThat(calculation.get("dailyAllowance").get("amount").asText()).isEqualTo("300.00");
        assertThat(paidAfter.get("subsidy").asText()).isEqualTo("8737.80");
        assertThat(paidAfter.get("breakdown").get("schemeYear").asInt())
                .isEqualTo(paidBefore.get("breakdown").get("schemeYear").asInt() + 1);

        // A claim handed in now for a stay before the revision is still the old year's: its cap is spent.
        long late = submitAndCheck(stay(member, "5000.00", 45, 40));
        JsonNode lateClaim = api.get("league", "/api/claims/" + late).body();
        assertThat(lateClaim.get("breakdown").get("ruleSetVersion").asInt()).isEqualTo(1);
        assertThat(lateClaim.get("subsidy").asText()).isEqualTo("0.00");
        assertThat(lateClaim.get("breakdown").get("calculation").get("cuts").get(0).get("rule").asText())
                .isEqualTo("ANNUAL_CAP");

        // A correction of the new year's rules comes too late for the claim already paid on them.
        publish(revision.toString(), rules("anyang-inpatient-2019.json", revision), "更正：恢复原比例");
        JsonNode stillPaid = api.get("admin", "/api/claims/" + after).body();
        assertThat(stillPaid.get("breakdown").get("ruleSetVersion").asInt()).isEqualTo(2);
        assertThat(stillPaid.get("subsidy").asText()).isEqualTo("8737.80");
        long corrected = submitAndCheck(stay(member, "14054.00", 8, 3));
        assertThat(api.get("league", "/api/claims/" + corrected).body().get("breakdown").get("ruleSetVersion").asInt())
                .isEqualTo(3);
    }

    private ObjectNode rules(String resource, LocalDate schemeYearStart) {
        return RuleSetRequests.definition(resource).put("schemeYearStart", MonthDay.from(schemeYearStart).toString());
    }

    private void publish(String from, JsonNode definition, String reason) {
        require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                RuleSetRequests.publication(organiser, from, reason, definition)), 201);
    }

    /** A stay admitted and discharged the given numbers of days ago, costing more than any default claim. */
    private static Map<String, Object> stay(String member, String eligibleBase, int admittedDaysAgo,
                                            int dischargedDaysAgo) {
        Map<String, Object> claim = new HashMap<>(ClaimRequests.claim(member, eligibleBase));
        @SuppressWarnings("unchecked")
        Map<String, Object> expenses = new HashMap<>((Map<String, Object>) claim.get("expenses"));
        expenses.put("total", "400000.00");
        claim.put("expenses", expenses);
        claim.put("admissionDate", EngineTime.today().minusDays(admittedDaysAgo).toString());
        claim.put("dischargeDate", EngineTime.today().minusDays(dischargedDaysAgo).toString());
        return claim;
    }

    /** Submitted by an admin (no clerk works at the test agency) and approved by its agency auditor. */
    private long submitAndCheck(Map<String, Object> claim) {
        long id = require(api.post("admin", "/api/claims", claim), 201).body().get("id").asLong();
        require(api.decide(TestOrganisers.auditor(organiser), id, "APPROVE", null), 200);
        return id;
    }

    /** Approved by the league and by every check its figures call for (the first claim is 100,000 yuan), then paid. */
    private long payOut(Map<String, Object> claim) {
        long id = submitAndCheck(claim);
        require(api.decide("league", id, "APPROVE", null), 200);
        new ClaimDriver(api, taskService, management, jdbc).approveRoutedChecks(id);
        Jobs.runDue(management, jdbc.sql("select process_instance_id from claim where id = :id").param("id", id)
                .query(String.class).single());
        return id;
    }
}
