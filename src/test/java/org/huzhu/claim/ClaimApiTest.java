package org.huzhu.claim;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

@HuzhuIntegrationTest
class ClaimApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void aClaimApprovedByAgencyAndLeagueIsPaidTheAnyangSubsidy() {
        String member = api.enrolledMember();
        JsonNode claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(member, "14054.00")), 201).body();
        long id = claim.get("id").asLong();
        assertThat(claim.get("status").asText()).isEqualTo("AGENCY_CHECK");
        assertThat(claim.get("member").get("idNumberMasked").asText()).isEqualTo(member.substring(0, 6) + "********" + member.substring(14));

        require(api.decide("agency", id, "APPROVE", null), 200);
        JsonNode atLeague = require(api.get("league", "/api/claims/" + id), 200).body();
        assertThat(atLeague.get("status").asText()).isEqualTo("LEAGUE_AUDIT");
        assertThat(atLeague.get("eligibleAmount").asText()).isEqualTo("14054.00");
        assertThat(atLeague.get("subsidy").asText()).isEqualTo("6827.00");

        JsonNode decided = require(api.decide("league", id, "APPROVE", null), 200).body();
        assertThat(decided.get("claimStatus").asText()).isEqualTo("PAYOUT");
        Jobs.runDue(management, processOf(id));

        JsonNode paid = require(api.get("clerk", "/api/claims/" + id), 200).body();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("subsidy").asText()).isEqualTo("6827.00");
        JsonNode tiers = paid.get("breakdown").get("calculation").get("tiers");
        assertThat(tiers.get(0).get("base").asText()).isEqualTo("1000.00");
        assertThat(new java.math.BigDecimal(tiers.get(0).get("amount").asText())).isEqualByComparingTo("300.00");
        assertThat(tiers.get(1).get("base").asText()).isEqualTo("13054.00");
        assertThat(new java.math.BigDecimal(tiers.get(1).get("amount").asText())).isEqualByComparingTo("6527.00");
        assertThat(paid.get("breakdown").get("ruleSetVersion").asInt()).isEqualTo(1);
        assertThat(steps(paid)).containsExactly("SUBMITTED", "PRE_CHECK", "AGENCY_CHECK", "SUBSIDY_CALCULATED",
                "LEAGUE_AUDIT", "APPROVED_FOR_PAYOUT", "PAID");
        assertThat(paid.get("history").get(2).get("actor").asText()).isEqualTo("agency");
        assertThat(paid.get("history").get(4).get("actor").asText()).isEqualTo("league");
        assertThat(jdbc.sql("select amount from payment where claim_id = :id").param("id", id)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("6827.00");
        assertThat(jdbc.sql("select message from notification where claim_id = :id and kind = 'PAID'").param("id", id)
                .query(String.class).single()).contains("6827.00").contains("0128");
    }

    @Test
    void theAnnualCapCutsTheClaimThatReachesItAndLeavesNothingForTheNext() {
        String member = api.enrolledMember();
        // 300 + 50% of 189,400 = 95,000 granted first; 5,000 left of the 100,000 cap.
        long first = approveAndPay(member, "190400.00");
        assertThat(api.get("admin", "/api/claims/" + first).body().get("subsidy").asText()).isEqualTo("95000.00");

        long second = submitAndApproveAtAgency(member, "14054.00");
        JsonNode capped = api.get("league", "/api/claims/" + second).body();
        assertThat(capped.get("subsidy").asText()).isEqualTo("5000.00");
        JsonNode calculation = capped.get("breakdown").get("calculation");
        assertThat(calculation.get("paidThisYear").asText()).isEqualTo("95000.00");
        assertThat(calculation.get("capCut").asText()).isEqualTo("1827.00");
        require(api.decide("league", second, "APPROVE", null), 200);
        Jobs.runDue(management, processOf(second));

        long third = submitAndApproveAtAgency(member, "2000.00");
        assertThat(api.get("league", "/api/claims/" + third).body().get("subsidy").asText()).isEqualTo("0.00");
        assertThat(jdbc.sql("select sum(subsidy) from claim where member_id = (select id from member where id_number = :m) and status in ('LEAGUE_AUDIT','PAYOUT','PAID')")
                .param("m", member).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("100000.00");
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsStored() {
        long before = claimCount();
        Map<String, Object> claim = ClaimRequests.claim("110105194912310021", "100.00");
        Map<String, Object> expenses = new java.util.HashMap<>((Map<String, Object>) claim.get("expenses"));
        expenses.put("fundPaid", "-1.00");
        expenses.put("criticalIllnessPaid", "1.005");
        claim.put("expenses", expenses);
        claim.put("dischargeDate", EngineTime.today().minusDays(30).toString());
        claim.put("documents", List.of("INVOICE", "PHOTO"));
        claim.put("bankAccount", Map.of("bankName", "工行", "accountNumber", "12345", "accountName", "某人"));
        claim.put("hospital", "");

        Api.Answer answer = require(api.post("clerk", "/api/claims", claim), 400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(fieldCodes(answer)).contains(
                "memberIdNumber:INVALID_ID_NUMBER", "expenses.fundPaid:NEGATIVE",
                "expenses.criticalIllnessPaid:TOO_MANY_DECIMALS", "dischargeDate:DISCHARGE_BEFORE_ADMISSION",
                "documents[1]:UNKNOWN_DOCUMENT", "bankAccount.accountNumber:INVALID_ACCOUNT_NUMBER", "hospital:REQUIRED");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(claimCount()).isEqualTo(before);
    }

    @Test
    void unreadableFieldsAndUnknownMembersAreFieldErrors() {
        long before = claimCount();
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "100.00");
        claim.put("admissionDate", "2026-13-45");
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", claim), 400))).containsExactly("admissionDate:INVALID_FORMAT");

        Map<String, Object> stranger = ClaimRequests.claim(TestIds.idNumber(), "100.00");
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", stranger), 400))).containsExactly("memberIdNumber:MEMBER_NOT_FOUND");
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", "{not json"), 400))).containsExactly(":MALFORMED_JSON");
        assertThat(claimCount()).isEqualTo(before);
    }

    @Test
    void rolesAreKeptToTheirOwnWork() {
        String member = api.enrolledMember();
        Map<String, Object> claim = ClaimRequests.claim(member, "5000.00");
        assertThat(api.post(null, "/api/claims", claim).status()).isEqualTo(401);
        assertThat(api.post("league", "/api/claims", claim).status()).isEqualTo(403);
        assertThat(api.post("agency", "/api/claims", claim).status()).isEqualTo(403);
        String otherAgencyMember = api.enrolledMember("DEMO-B", "EMPLOYEE");
        assertThat(api.post("clerk", "/api/claims", ClaimRequests.claim(otherAgencyMember, "10.00")).status()).isEqualTo(403);

        long id = require(api.post("clerk", "/api/claims", claim), 201).body().get("id").asLong();
        String agencyTask = api.taskOf("agency", id);
        assertThat(api.get("league", "/api/tasks").body().findValues("taskId").stream().map(JsonNode::asText))
                .doesNotContain(agencyTask);
        Api.Answer notTheirs = api.post("league", "/api/tasks/" + agencyTask + "/decision", Map.of("outcome", "APPROVE"));
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.contentType()).startsWith("application/problem+json");
        assertThat(api.post("clerk", "/api/tasks/" + agencyTask + "/decision", Map.of("outcome", "APPROVE")).status()).isEqualTo(403);

        require(api.post("agency", "/api/tasks/" + agencyTask + "/decision", Map.of("outcome", "APPROVE")), 200);
        Api.Answer again = api.post("agency", "/api/tasks/" + agencyTask + "/decision", Map.of("outcome", "APPROVE"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("TASK_COMPLETED");
        assertThat(api.post("agency", "/api/tasks/no-such-task/decision", Map.of("outcome", "APPROVE")).status()).isEqualTo(404);
        assertThat(api.get("supervisor", "/api/claims/" + id).status()).isEqualTo(200);
        assertThat(api.get("admin", "/engine-rest/process-definition/count").status()).isEqualTo(200);
        assertThat(api.get("clerk", "/engine-rest/process-definition/count").status()).isEqualTo(403);
        assertThat(api.get(null, "/engine-rest/process-definition/count").status()).isEqualTo(401);
    }

    @Test
    void aStaffMemberOfAnotherAgencyCannotReadTheClaim() {
        long id = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "10.00")), 201)
                .body().get("id").asLong();
        String bClerk = "clerk-b-" + TestIds.code("t");
        identities.ensureUser(bClerk, "B", "受理员", "demo", List.of("clerk", "clerk-DEMO-B"));
        assertThat(api.get(bClerk, "/api/claims/" + id).status()).isEqualTo(403);
        assertThat(api.get("agency", "/api/claims/" + id).status()).isEqualTo(200);
        assertThat(api.get("clerk", "/api/claims/999999999").status()).isEqualTo(404);
    }

    @Autowired
    org.huzhu.security.IdentityBootstrap identities;

    @Test
    void fixturesAreCheckedAndScopedToTheClerksAgency() {
        String unit = TestIds.code("U");
        require(api.post("clerk", "/api/units", Map.of("code", unit, "name", "受理员建的单位", "agencyCode", "DEMO-A")), 201);
        assertThat(api.post("clerk", "/api/units", Map.of("code", TestIds.code("U"), "name", "外单位", "agencyCode", "DEMO-B")).status())
                .isEqualTo(403);
        assertThat(fieldCodes(require(api.post("clerk", "/api/units", Map.of("code", unit, "name", "重名", "agencyCode", "DEMO-A")), 400)))
                .containsExactly("code:DUPLICATE_CODE");
        String idNumber = TestIds.idNumber('F');
        JsonNode member = require(api.post("clerk", "/api/members", Map.of("idNumber", idNumber.toLowerCase(), "name", "王芳",
                "unitCode", unit, "insuranceType", "EMPLOYEE")), 201).body();
        assertThat(member.get("sex").asText()).isEqualTo("F");
        assertThat(member.get("birthDate").asText()).isEqualTo(idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14));
        assertThat(member.get("idNumberMasked").asText()).doesNotContain(idNumber.substring(6, 14));
        String bad = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        assertThat(fieldCodes(require(api.post("clerk", "/api/members", Map.of("idNumber", bad, "name", "错号",
                "unitCode", unit, "insuranceType", "EMPLOYEE")), 400))).containsExactly("idNumber:INVALID_ID_NUMBER");
        require(api.post("clerk", "/api/enrolments", Map.of("memberIdNumber", idNumber, "scheme", "INPATIENT",
                "validFrom", "2026-01-01", "validTo", "2026-12-31")), 201);
        assertThat(fieldCodes(require(api.post("clerk", "/api/enrolments", Map.of("memberIdNumber", idNumber, "scheme", "INPATIENT",
                "validFrom", "2026-06-01", "validTo", "2026-05-01")), 400))).containsExactly("validTo:BEFORE_START");
        assertThat(fieldCodes(require(api.post("clerk", "/api/enrolments", Map.of("memberIdNumber", idNumber, "scheme", "INPATIENT",
                "validFrom", "2026-06-01", "validTo", "2027-05-01")), 400))).containsExactly("validFrom:OVERLAPPING_ENROLMENT");
    }

    private long approveAndPay(String member, String eligible) {
        long id = submitAndApproveAtAgency(member, eligible);
        require(api.decide("league", id, "APPROVE", null), 200);
        Jobs.runDue(management, processOf(id));
        return id;
    }

    private long submitAndApproveAtAgency(String member, String eligible) {
        long id = require(api.post("clerk", "/api/claims", ClaimRequests.claim(member, eligible)), 201).body().get("id").asLong();
        require(api.decide("agency", id, "APPROVE", null), 200);
        return id;
    }

    private String processOf(long claimId) {
        return jdbc.sql("select process_instance_id from claim where id = :id").param("id", claimId).query(String.class).single();
    }

    private long claimCount() {
        return jdbc.sql("select count(*) from claim").query(Long.class).single();
    }

    private static List<String> steps(JsonNode claim) {
        return java.util.stream.StreamSupport.stream(claim.get("history").spliterator(), false)
                .map(h -> h.get("step").asText()).toList();
    }
}
