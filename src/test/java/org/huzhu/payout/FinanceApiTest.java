package org.huzhu.payout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.ManagementService;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestClaims;
import org.huzhu.support.TestOrganisers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Funders' shares from the rule set, the fund's balance and the reconciliation reports, through the API. */
@HuzhuIntegrationTest
class FinanceApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    @Test
    void aPayoutSharedByThreeFundersIsReconciledAndLeavesTheFund() {
        Api api = new Api(rest);
        String organiser = TestOrganisers.create(organisations, identities);
        ObjectNode rules = RuleSetRequests.definition("anyang-inpatient-2019.json");
        rules.set("funding", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "funders", List.of(Map.of("code", "CITY", "name", "市总工会", "share", "0.60"),
                        Map.of("code", "DISTRICT", "name", "区总工会", "fixed", "100.00"),
                        Map.of("code", "INSURER", "name", "保险公司", "share", "0.40")),
                "remainderTo", "CITY")));
        ObjectNode wrong = rules.deepCopy();
        wrong.set("funding", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "funders", List.of(Map.of("code", "CITY", "name", "市总工会", "share", "0.70")), "remainderTo", "NOBODY")));
        Api.Answer refused = api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                RuleSetRequests.publication(organiser, "2019-10-16", "出资方比例有误", wrong));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(Api.fieldCodes(refused)).contains("definition.funding.funders:SHARES_NOT_WHOLE",
                "definition.funding.remainderTo:UNKNOWN_FUNDER");
        require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                RuleSetRequests.publication(organiser, "2019-10-16", "市、区两级工会和保险公司共同出资", rules)), 201);

        String member = api.enrolledMember(TestOrganisers.agency(organiser), "EMPLOYEE");
        long id = require(api.post("admin", "/api/claims", ClaimRequests.claim(member, "3001.00")), 201)
                .body().get("id").asLong();
        require(api.decide(TestOrganisers.auditor(organiser), id, "APPROVE", null), 200);
        require(api.decide("league", id, "APPROVE", null), 200);
        Jobs.runDue(management, TestClaims.processOf(jdbc, id));

        // 300 + 50% of 2,001 = 1,300.50: 100 fixed to the district, 60% and 40% of 1,200.50
        JsonNode claim = api.get("admin", "/api/claims/" + id).body();
        assertThat(claim.get("status").asText()).isEqualTo("PAID");
        JsonNode payment = claim.get("payments").get(0);
        assertThat(payment.get("amount").asText()).isEqualTo("1300.50");
        assertThat(payment.get("funders").toString()).contains("\"CITY\"", "720.30", "\"DISTRICT\"", "100.00",
                "\"INSURER\"", "480.20");

        long batch = jdbc.sql("select batch_id from payment_instruction where id = :id")
                .param("id", payment.get("id").asLong()).query(Long.class).single();
        assertThat(api.get("clerk", "/api/payout/batches/" + batch + "/reconciliation").status()).isEqualTo(403);
        JsonNode report = require(api.get("supervisor", "/api/payout/batches/" + batch + "/reconciliation"), 200).body();
        assertThat(report.get("confirmed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(new BigDecimal(report.get("confirmedAmount").asText()).add(new BigDecimal(report.get("returnedAmount").asText()))
                .add(new BigDecimal(report.get("unansweredAmount").asText())))
                .isEqualByComparingTo(report.get("total").asText());
        assertThat(report.get("funders").toString()).contains("INSURER");
        var csv = rest.withBasicAuth("admin", "demo")
                .getForEntity("/api/payout/batches/" + batch + "/reconciliation?format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains("对账范围", "INSURER", "1300.50");
        String day = jdbc.sql("select business_date::text from payment_batch where id = :id").param("id", batch)
                .query(String.class).single();
        JsonNode daily = require(api.get("admin", "/api/payout/reconciliation?day=" + day), 200).body();
        assertThat(daily.get("instructions").asInt()).isGreaterThanOrEqualTo(report.get("instructions").asInt());
        assertThat(api.get("admin", "/api/payout/reconciliation?day=2026-13-01").status()).isEqualTo(400);

        int year = claim.get("breakdown").get("schemeYear").asInt();
        JsonNode before = require(api.get("supervisor", "/api/fund/balance?scheme=INPATIENT&schemeYear=" + year), 200).body();
        for (JsonNode balance : List.of(before, require(api.get("supervisor",
                "/api/fund/balance?scheme=INPATIENT&schemeYear=1990"), 200).body())) {
            // a negative balance is said in words, a positive or zero one is not
            boolean negative = new BigDecimal(balance.get("balance").asText()).signum() < 0;
            assertThat(balance.get("warning").isNull()).isEqualTo(!negative);
            if (negative) {
                assertThat(balance.get("warning").asText()).contains("基金结余为负");
            }
        }
        Api.Answer bad = api.post("admin", "/api/fund/contributions", Map.of("scheme", "INPATIENT", "schemeYear", year,
                "unitCode", "DEMO-U1", "members", 0, "perMember", "12.345"));
        assertThat(Api.fieldCodes(bad)).contains("members:NOT_POSITIVE", "perMember:TOO_MANY_DECIMALS");
        assertThat(api.post("supervisor", "/api/fund/contributions", Map.of()).status()).isEqualTo(403);
        require(api.post("admin", "/api/fund/contributions", Map.of("scheme", "INPATIENT", "schemeYear", year,
                "unitCode", "DEMO-U1", "members", 120, "perMember", "30.00")), 201);
        require(api.post("admin", "/api/fund/contributions", Map.of("scheme", "INPATIENT", "schemeYear", year,
                "funderCode", "CITY", "amount", "5000.00", "note", "市总工会年度补贴")), 201);
        JsonNode after = require(api.get("supervisor", "/api/fund/balance?scheme=INPATIENT&schemeYear=" + year), 200).body();
        assertThat(new BigDecimal(after.get("contributions").asText()).subtract(new BigDecimal(before.get("contributions").asText())))
                .isEqualByComparingTo("3600.00");
        assertThat(new BigDecimal(after.get("subsidies").asText()).subtract(new BigDecimal(before.get("subsidies").asText())))
                .isEqualByComparingTo("5000.00");
        assertThat(new BigDecimal(after.get("balance").asText())).isEqualByComparingTo(
                new BigDecimal(after.get("contributions").asText()).add(new BigDecimal(after.get("subsidies").asText()))
                        .subtract(new BigDecimal(after.get("payouts").asText())));
        assertThat(new BigDecimal(after.get("payouts").asText())).isGreaterThanOrEqualTo(new BigDecimal("1300.50"));
    }
}
