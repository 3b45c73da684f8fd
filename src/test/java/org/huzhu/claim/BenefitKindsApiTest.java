package org.huzhu.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimDriver;
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

/** Claims on the demo's women's (馨康) and outpatient special-disease rules, through the whole process. */
@HuzhuIntegrationTest
class BenefitKindsApiTest {

    static final LocalDate BORN_1985 = LocalDate.of(1985, 3, 15);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    String woman(String enrolledFrom) {
        String member = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber('F', BORN_1985));
        api.enrol(member, "XINKANG", enrolledFrom, "2027-12-31");
        return member;
    }

    @Test
    void aBreastCancerClaimWaitsForThePathologyReportIsPaidTheGroupsAmountAndOnlyOnce() {
        String member = woman("2025-01-01");
        JsonNode submitted = require(api.post("clerk", "/api/claims", ClaimRequests.lumpSum(member, "XINKANG", "C50.9",
                "DIAGNOSIS_CERTIFICATE", "ID_CARD", "BANK_CARD")), 201).body();
        long id = submitted.get("id").asLong();
        assertThat(submitted.get("status").asText()).isEqualTo("AWAITING_SUPPLEMENTS");
        assertThat(submitted.get("missingDocuments").toString()).isEqualTo("[\"PATHOLOGY_REPORT\"]");
        assertThat(submitted.get("admissionDate").isNull()).isTrue();
        assertThat(submitted.get("expenses").isNull()).isTrue();
        assertThat(submitted.get("diagnosisCode").asText()).isEqualTo("C50.9");

        require(api.post("clerk", "/api/claims/" + id + "/supplements", Map.of("documents", List.of("PATHOLOGY_REPORT"))), 200);
        require(api.decide("agency", id, "APPROVE", null), 200);
        JsonNode atLeague = api.get("league", "/api/claims/" + id).body();
        assertThat(atLeague.get("subsidy").asText()).isEqualTo("32000.00");
        assertThat(atLeague.get("breakdown").get("calculation").get("diagnosisGroup").get("code").asText())
                .isEqualTo("BREAST_CANCER");
        require(api.decide("league", id, "APPROVE", null), 200);
        ClaimDriver claims = new ClaimDriver(api, taskService, management, jdbc);
        // A lump sum of 32,000 yuan: a second audit and the league head, by the approval routing.
        assertThat(claims.openTask(id).getTaskDefinitionKey()).isEqualTo("SecondAudit");
        claims.approveRoutedChecks(id);
        assertThat(claims.decidedSteps(id)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT",
                "LEAGUE_HEAD_APPROVAL");
        Jobs.runDue(management, processOf(id));
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("status").asText()).isEqualTo("PAID");
        assertThat(jdbc.sql("select message from notification where claim_id = :id and kind = 'PAID'").param("id", id)
                .query(String.class).single()).contains("确诊乳腺恶性肿瘤", "32000.00");

        long again = require(api.post("clerk", "/api/claims", ClaimRequests.lumpSum(member, "XINKANG", "C50.1",
                "DIAGNOSIS_CERTIFICATE", "PATHOLOGY_REPORT", "ID_CARD", "BANK_CARD")), 201).body().get("id").asLong();
        require(api.decide("agency", again, "APPROVE", null), 200);
        JsonNode second = api.get("league", "/api/claims/" + again).body();
        assertThat(second.get("subsidy").asText()).isEqualTo("0.00");
        assertThat(second.get("breakdown").get("calculation").get("cuts").get(0).get("rule").asText())
                .isEqualTo("ALREADY_PAID_FOR_GROUP");
    }

    @Test
    void theWomensSchemeRefusesMenDiagnosesOutsideItsGroupsAndClaimsInTheWaitingPeriod() {
        String man = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber('M', BORN_1985));
        api.enrol(man, "XINKANG", "2025-01-01", "2027-12-31");
        assertThat(rejection(ClaimRequests.lumpSum(man, "XINKANG", "C50.9", "DIAGNOSIS_CERTIFICATE",
                "PATHOLOGY_REPORT", "ID_CARD", "BANK_CARD"))).contains("女性");

        assertThat(rejection(ClaimRequests.lumpSum(woman("2025-01-01"), "XINKANG", "D05.1", "DIAGNOSIS_CERTIFICATE",
                "ID_CARD", "BANK_CARD"))).contains("不在本项目保障的病种范围内");

        String newcomer = woman(EngineTime.today().minusDays(30).toString());
        assertThat(rejection(ClaimRequests.lumpSum(newcomer, "XINKANG", "C50.9", "DIAGNOSIS_CERTIFICATE",
                "PATHOLOGY_REPORT", "ID_CARD", "BANK_CARD"))).contains("等待期");
    }

    @Test
    void aLumpSumClaimNeedsItsDiagnosisAndAnExpenseClaimStillItsStay() {
        Map<String, Object> noDiagnosis = new HashMap<>(ClaimRequests.lumpSum(woman("2025-01-01"), "XINKANG", null,
                "ID_CARD"));
        noDiagnosis.put("diagnosisDate", EngineTime.today().plusDays(1).toString());
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", noDiagnosis), 400)))
                .containsExactlyInAnyOrder("diagnosisCode:REQUIRED", "diagnosisDate:DATE_IN_FUTURE");

        Map<String, Object> inpatient = new HashMap<>(ClaimRequests.lumpSum(api.enrolledMember(), "INPATIENT", "J18.9",
                "INVOICE"));
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", inpatient), 400))).containsExactlyInAnyOrder(
                "admissionDate:REQUIRED", "dischargeDate:REQUIRED", "expenses:REQUIRED", "invoices:REQUIRED");
    }

    @Test
    void outpatientClaimsPayAfterTheDeductibleUpToThePerClaimCapAndFourTimesAYear() {
        String member = api.registeredMember("DEMO-A", "RESIDENT", TestIds.idNumber());
        api.enrol(member, "OUTPATIENT_SPECIAL", "2025-01-01", "2027-12-31");
        // 50% of 5,000 and 60% of 3,000 after the 300 deductible: 4,300, cut to 3,000 a claim.
        long first = submitAndCheck(outpatient(member, "8300.00"));
        JsonNode capped = api.get("league", "/api/claims/" + first).body();
        assertThat(capped.get("subsidy").asText()).isEqualTo("3000.00");
        assertThat(capped.get("breakdown").get("calculation").get("cuts").get(0).get("rule").asText())
                .isEqualTo("PER_CLAIM_CAP");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("league", "/api/claims/" + submitAndCheck(outpatient(member, "1000.00"))).body()
                    .get("subsidy").asText()).isEqualTo("350.00");
        }
        JsonNode fifth = api.get("league", "/api/claims/" + submitAndCheck(outpatient(member, "1000.00"))).body();
        assertThat(fifth.get("subsidy").asText()).isEqualTo("0.00");
        assertThat(fifth.get("breakdown").get("calculation").get("cuts").get(0).get("rule").asText())
                .isEqualTo("CLAIMS_PER_YEAR");
    }

    private static Map<String, Object> outpatient(String member, String eligibleBase) {
        Map<String, Object> claim = new HashMap<>(ClaimRequests.claim(member, eligibleBase));
        claim.put("scheme", "OUTPATIENT_SPECIAL");
        List<String> documents = new ArrayList<>(ClaimRequests.ALL_DOCUMENTS);
        documents.add("SPECIAL_DISEASE_CERTIFICATE");
        claim.put("documents", documents);
        return claim;
    }

    private long submitAndCheck(Map<String, Object> claim) {
        JsonNode submitted = require(api.post("clerk", "/api/claims", claim), 201).body();
        assertThat(submitted.get("status").asText()).isEqualTo("AGENCY_CHECK");
        long id = submitted.get("id").asLong();
        require(api.decide("agency", id, "APPROVE", null), 200);
        return id;
    }

    private String rejection(Map<String, Object> claim) {
        JsonNode submitted = require(api.post("clerk", "/api/claims", claim), 201).body();
        assertThat(submitted.get("status").asText()).isEqualTo("REJECTED");
        return submitted.get("rejectionReason").asText();
    }

    private String processOf(long claimId) {
        return jdbc.sql("select process_instance_id from claim where id = :id").param("id", claimId)
                .query(String.class).single();
    }
}
