package org.huzhu.claim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/** Counter staff ask what a claim would be paid; the answer is the claim's own calculation, stored nowhere. */
@HuzhuIntegrationTest
class SubsidyQuoteApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    /** The in-patient quote of the issue: scheme, admission date, expenses and what was paid this year. */
    static Map<String, Object> inpatientQuote(String eligibleBase, String alreadyPaid) {
        Map<String, Object> claim = ClaimRequests.claim(null, eligibleBase);
        Map<String, Object> quote = new HashMap<>();
        quote.put("scheme", "INPATIENT");
        quote.put("admissionDate", claim.get("admissionDate"));
        quote.put("expenses", claim.get("expenses"));
        quote.put("alreadyPaidThisYear", alreadyPaid);
        return quote;
    }

    @Test
    void aQuoteWithoutAMemberGivesTheAnyangSubsidyWithItsBreakdownAndStoresNothing() {
        long claims = count("claim");
        JsonNode quote = require(api.post("clerk", "/api/subsidy/quote", inpatientQuote("14054.00", "0.00")), 200).body();
        assertThat(quote.get("subsidy").asText()).isEqualTo("6827.00");
        assertThat(quote.get("organiser").asText()).isEqualTo("DEMO");
        assertThat(quote.get("ruleSet").get("version").asInt()).isEqualTo(1);
        assertThat(quote.get("refusals")).isEmpty();
        JsonNode calculation = quote.get("calculation");
        assertThat(calculation.get("eligibleBase").asText()).isEqualTo("14054.00");
        assertThat(calculation.get("deductible").asText()).isEqualTo("0.00");
        assertThat(calculation.get("tiers").get(1).get("base").asText()).isEqualTo("13054.00");
        assertThat(calculation.get("tiers").get(1).get("rate").asText()).isEqualTo("0.50");
        assertThat(new java.math.BigDecimal(calculation.get("tiers").get(1).get("amount").asText())).isEqualByComparingTo("6527");
        assertThat(calculation.get("cuts")).isEmpty();
        assertThat(quote.get("explanation").asText()).endsWith("补助6827.00元");
        assertThat(count("claim")).isEqualTo(claims);
    }

    @Test
    void theQuoteSaysWhichCapCutItAndByHowMuch() {
        JsonNode quote = require(api.post("league", "/api/subsidy/quote",
                withOrganiser(inpatientQuote("14054.00", "95000.00"))), 200).body();
        assertThat(quote.get("subsidy").asText()).isEqualTo("5000.00");
        JsonNode cut = quote.get("calculation").get("cuts").get(0);
        assertThat(cut.get("rule").asText()).isEqualTo("ANNUAL_CAP");
        assertThat(cut.get("amount").asText()).isEqualTo("1827.00");
        assertThat(cut.get("note").asText()).contains("100000.00", "95000.00");
        assertThat(require(api.post("admin", "/api/subsidy/quote", withOrganiser(inpatientQuote("14054.00",
                "100000.00"))), 200).body().get("subsidy").asText()).isEqualTo("0.00");
    }

    @Test
    void withAMemberTheirCoverAndEarlierClaimsCount() {
        String member = api.enrolledMember();
        Map<String, Object> quote = inpatientQuote("14054.00", null);
        quote.remove("alreadyPaidThisYear");
        quote.put("memberIdNumber", member);
        JsonNode answer = require(api.post("clerk", "/api/subsidy/quote", quote), 200).body();
        assertThat(answer.get("subsidy").asText()).isEqualTo("6827.00");
        assertThat(answer.get("calculation").get("paidThisYear").asText()).isEqualTo("0.00");

        // Once a claim of the year holds its subsidy, the quote counts it against the cap.
        long held = require(api.post("clerk", "/api/claims", ClaimRequests.claim(member, "190400.00")), 201).body()
                .get("id").asLong();
        require(api.decide("agency", held, "APPROVE", null), 200);
        JsonNode afterwards = require(api.post("agency", "/api/subsidy/quote", quote), 200).body();
        assertThat(afterwards.get("calculation").get("paidThisYear").asText()).isEqualTo("95000.00");
        assertThat(afterwards.get("subsidy").asText()).isEqualTo("5000.00");

        String resident = api.enrolledMember("DEMO-A", "RESIDENT");
        quote.put("memberIdNumber", resident);
        assertThat(require(api.post("clerk", "/api/subsidy/quote", quote), 200).body().get("refusals").get(0).asText())
                .contains("医保类型");
    }

    @Test
    void aLumpSumQuoteNamesTheDiagnosisGroup() {
        Map<String, Object> quote = new HashMap<>(Map.of("scheme", "XINKANG", "diagnosisCode", "C50.9",
                "diagnosisDate", EngineTime.today().minusDays(3).toString()));
        JsonNode answer = require(api.post("clerk", "/api/subsidy/quote", quote), 200).body();
        assertThat(answer.get("subsidy").asText()).isEqualTo("32000.00");
        assertThat(answer.get("calculation").get("diagnosisGroup").get("code").asText()).isEqualTo("BREAST_CANCER");
        assertThat(answer.get("ruleSet").get("reason").asText()).contains("示例");

        quote.put("diagnosisCode", "D05.1");
        JsonNode inSitu = require(api.post("clerk", "/api/subsidy/quote", quote), 200).body();
        assertThat(inSitu.get("subsidy").asText()).isEqualTo("0.00");
        assertThat(inSitu.get("refusals").get(0).asText()).contains("不在本项目保障的病种范围内");
    }

    @Test
    void anOutpatientQuoteAppliesTheDeductibleThePerClaimCapAndTheClaimLimit() {
        Map<String, Object> quote = inpatientQuote("8300.00", "0.00");
        quote.put("scheme", "OUTPATIENT_SPECIAL");
        JsonNode answer = require(api.post("clerk", "/api/subsidy/quote", quote), 200).body();
        assertThat(answer.get("calculation").get("deductible").asText()).isEqualTo("300.00");
        assertThat(answer.get("calculation").get("cuts").get(0).get("rule").asText()).isEqualTo("PER_CLAIM_CAP");
        assertThat(answer.get("subsidy").asText()).isEqualTo("3000.00");
        quote.put("claimsThisYear", 4);
        assertThat(require(api.post("clerk", "/api/subsidy/quote", quote), 200).body().get("subsidy").asText())
                .isEqualTo("0.00");
    }

    @Test
    void badQuestionsAreRefusedFieldByField() {
        Map<String, Object> noExpenses = inpatientQuote("100.00", "-1.00");
        noExpenses.remove("expenses");
        noExpenses.put("memberIdNumber", api.enrolledMember());
        assertThat(fieldCodes(require(api.post("clerk", "/api/subsidy/quote", noExpenses), 400)))
                .containsExactlyInAnyOrder("expenses:REQUIRED", "alreadyPaidThisYear:NOT_WITH_MEMBER",
                        "alreadyPaidThisYear:NEGATIVE");
        assertThat(fieldCodes(require(api.post("clerk", "/api/subsidy/quote",
                Map.of("scheme", "XINKANG", "diagnosisCode", "乳腺癌")), 400)))
                .containsExactlyInAnyOrder("diagnosisCode:INVALID_ICD10_CODE", "diagnosisDate:REQUIRED");
        assertThat(fieldCodes(require(api.post("clerk", "/api/subsidy/quote", Map.of("scheme", "NONE")), 400)))
                .contains("scheme:UNKNOWN_SCHEME");
        Map<String, Object> tooEarly = inpatientQuote("100.00", "0.00");
        tooEarly.put("admissionDate", "2019-10-15");
        assertThat(fieldCodes(require(api.post("clerk", "/api/subsidy/quote", tooEarly), 400)))
                .containsExactly("admissionDate:NO_RULE_SET");
    }

    @Test
    void quotesAreForCounterStaffAuditorsAndAdminsAndAMembersFiguresForTheirAgency() {
        Api.Answer supervisor = api.post("supervisor", "/api/subsidy/quote", inpatientQuote("100.00", "0.00"));
        assertThat(supervisor.status()).isEqualTo(403);
        assertThat(supervisor.body().get("code").asText()).isEqualTo("NOT_ALLOWED_TO_QUOTE");
        Map<String, Object> otherAgency = inpatientQuote("100.00", null);
        otherAgency.remove("alreadyPaidThisYear");
        otherAgency.put("memberIdNumber", api.enrolledMember("DEMO-B", "EMPLOYEE"));
        assertThat(api.post("clerk", "/api/subsidy/quote", otherAgency).status()).isEqualTo(403);
        assertThat(api.post("league", "/api/subsidy/quote", otherAgency).status()).isEqualTo(200);
        otherAgency.put("memberIdNumber", TestIds.idNumber());
        assertThat(fieldCodes(require(api.post("league", "/api/subsidy/quote", otherAgency), 400)))
                .containsExactly("memberIdNumber:MEMBER_NOT_FOUND");
    }

    private static Map<String, Object> withOrganiser(Map<String, Object> quote) {
        quote.put("organiser", "DEMO");
        return quote;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
