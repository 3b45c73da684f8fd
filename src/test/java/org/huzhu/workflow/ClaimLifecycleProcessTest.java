package org.huzhu.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.huzhu.support.Api.require;

/** Every path through claim-lifecycle.bpmn, on the real engine and PostgreSQL. */
@HuzhuIntegrationTest
class ClaimLifecycleProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        api = new Api(rest);
    }

    @Test
    void anIneligibleClaimIsRejectedByThePreCheckAndTheMemberTold() {
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember("DEMO-A", "RESIDENT"), "1000.00");
        long id = submit(claim, "REJECTED");
        ProcessInstance instance = instanceOf(id);
        assertThat(instance).isEnded().hasPassedInOrder("PreCheckClaim", "NotifyMember", "ClaimClosed")
                .hasNotPassed("HandleWithinDeadline", "AgencyCheck");
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("rejectionReason").asText()).contains("医保类型");
    }

    @Test
    void missingPapersWaitForSupplementsThenTheClaimGoesAllTheWayToPayment() {
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "2000.00");
        claim.put("documents", new ArrayList<>(List.of("INVOICE", "EXPENSE_LIST", "ID_CARD")));
        long id = submit(claim, "AWAITING_SUPPLEMENTS");
        ProcessInstance instance = instanceOf(id);
        assertThat(instance).isWaitingAt("SupplementsReceived");
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("missingDocuments").toString())
                .contains("BANK_CARD", "DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT");

        require(api.post("clerk", "/api/claims/" + id + "/supplements", Map.of("documents", List.of("BANK_CARD"))), 200);
        assertThat(instance).isWaitingAt("SupplementsReceived");
        var complete = require(api.post("clerk", "/api/claims/" + id + "/supplements",
                Map.of("documents", List.of("DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT"))), 200).body();
        assertThat(complete.get("status").asText()).isEqualTo("AGENCY_CHECK");
        assertThat(complete.get("materialsCompleteAt").isNull()).isFalse();
        assertThat(instance).isWaitingAt("AgencyCheck");
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("agency-auditor-DEMO-A");

        require(api.decide("agency", id, "APPROVE", null), 200);
        assertThat(instance).isWaitingAt("LeagueAudit").hasPassed("CalculateSubsidy");
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("league-auditor");
        require(api.decide("league", id, "APPROVE", null), 200);
        assertThat(instance).isWaitingAt("PayOut");
        Jobs.runDue(management, instance.getId());
        assertThat(instance).isEnded().hasPassedInOrder("PayOut", "AwaitBankResult", "HandlingPaid", "NotifyMember",
                "ClaimClosed");
        // gateways leave no activity history, the values routed on at once no variable (the bank's answer is waited for)
        assertThat(jdbc.sql("select count(*) from act_hi_actinst where proc_inst_id_ = :id and act_type_ like '%Gateway'")
                .param("id", instance.getId()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select name_ from act_hi_varinst where proc_inst_id_ = :id").param("id", instance.getId())
                .query(String.class).list()).containsExactlyInAnyOrder("claimId", "agencyCode", "secondAudit",
                "leagueHeadApproval", "committeeReview", "paymentOutcome");
        var paid = api.get("clerk", "/api/claims/" + id).body();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        String amount = paid.get("subsidy").asText();
        // what the member was told, in order, each once
        assertThat(messages(id)).satisfiesExactly(
                received -> assertThat(received).startsWith("CLAIM_RECEIVED ").contains("已受理，申请编号" + id + "，"),
                missing -> assertThat(missing).startsWith("SUPPLEMENTS_NEEDED ").endsWith("请补交：出院小结、医保结算单、银行卡。"),
                stillMissing -> assertThat(stillMissing).startsWith("SUPPLEMENTS_NEEDED ").endsWith("请补交：出院小结、医保结算单。"),
                approved -> assertThat(approved).startsWith("CLAIM_APPROVED ").contains("核定补助金" + amount + "元"),
                paidMessage -> assertThat(paidMessage).startsWith("PAID ").contains(amount + "元已支付"));
        assertThat(jdbc.sql("select params ->> 'receiptNumber' from notification where claim_id = :id and kind = 'CLAIM_RECEIVED'")
                .param("id", id).query(String.class).single()).isEqualTo(String.valueOf(id));
        assertThat(jdbc.sql("select params ->> 'amount' from notification where claim_id = :id and kind = 'CLAIM_APPROVED'")
                .param("id", id).query(String.class).single()).isEqualTo(amount);
    }

    @Test
    void theAgencyRejectsWithAReason() {
        long id = submit(ClaimRequests.claim(api.enrolledMember(), "800.00"), "AGENCY_CHECK");
        assertThat(api.fieldCodes(api.decide("agency", id, "REJECT", null, "发票与费用清单不符")))
                .containsExactly("rejectionCategory:REQUIRED");
        require(api.decide("agency", id, "REJECT", "PAPERS_NOT_CONSISTENT", "发票与费用清单不符"), 200);
        assertThat(instanceOf(id)).isEnded().hasPassed("AgencyRejected", "HandlingRejected", "NotifyMember")
                .hasNotPassed("CalculateSubsidy");
        var claim = api.get("clerk", "/api/claims/" + id).body();
        assertThat(claim.get("status").asText()).isEqualTo("REJECTED");
        assertThat(claim.get("rejectionCategory").asText()).isEqualTo("PAPERS_NOT_CONSISTENT");
        assertThat(claim.get("rejectionReason").asText()).contains("发票与费用清单不符");
        assertThat(messages(id)).satisfiesExactly(
                received -> assertThat(received).startsWith("CLAIM_RECEIVED "),
                rejected -> assertThat(rejected).startsWith("REJECTED ").contains("原因：代办点审核驳回：发票与费用清单不符。")
                        .endsWith("如对结果有异议，可在" + EngineTime.today().plusDays(60) + "前（含当日）通过线上快办或代办点申请复核。"));
    }

    @Test
    void aDecisionStoredOnTheInstanceBeforeDoesNotStopTheNextOne() {
        long id = submit(ClaimRequests.claim(api.enrolledMember(), "800.00"), "AGENCY_CHECK");
        ProcessInstance instance = instanceOf(id);
        // as an instance of an earlier version, or someone through the engine's API, would hold them
        runtime.setVariable(instance.getId(), "agencyCheckOutcome", "REJECT");
        runtime.setVariable(instance.getId(), "agencyCheckReason", "旧结论");
        require(api.decide("agency", id, "APPROVE", null), 200);
        assertThat(instance).isWaitingAt("LeagueAudit");
        assertThat(runtime.getVariable(instance.getId(), "agencyCheckOutcome")).isEqualTo("APPROVE");
    }

    @Test
    void theLeagueRejects() {
        long id = submit(ClaimRequests.claim(api.enrolledMember(), "800.00"), "AGENCY_CHECK");
        require(api.decide("agency", id, "APPROVE", null), 200);
        require(api.decide("league", id, "REJECT", "非住院治疗"), 200);
        assertThat(instanceOf(id)).isEnded().hasPassed("LeagueAudit", "LeagueRejected", "HandlingRejected")
                .hasNotPassed("PayOut");
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void theLeagueRejectsInTasklistOnlyWithACategory() {
        long id = submit(ClaimRequests.claim(api.enrolledMember(), "800.00"), "AGENCY_CHECK");
        require(api.decide("agency", id, "APPROVE", null), 200);
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(Long.toString(id))
                .taskDefinitionKey("LeagueAudit").singleResult();
        engine.getIdentityService().setAuthentication("league", List.of("league-auditor"));
        try {
            engine.getTaskService().claim(task.getId(), "league");
            // what Tasklist sends when 驳回 is chosen and the category left empty
            assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
                    Map.of("leagueAuditOutcome", "REJECT", "leagueAuditReason", "非住院治疗")))
                    .hasMessageContaining("请选择驳回类别");
            assertThat(api.get("clerk", "/api/claims/" + id).body().get("status").asText()).isEqualTo("LEAGUE_AUDIT");
            engine.getFormService().submitTaskForm(task.getId(), Map.of("leagueAuditOutcome", "REJECT",
                    "leagueAuditRejectionCategory", "NOT_COVERED", "leagueAuditReason", "非住院治疗"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        var claim = api.get("clerk", "/api/claims/" + id).body();
        assertThat(claim.get("status").asText()).isEqualTo("REJECTED");
        assertThat(claim.get("rejectionCategory").asText()).isEqualTo("NOT_COVERED");
        assertThat(claim.get("rejectionReason").asText()).isEqualTo("协会审核驳回：非住院治疗");
    }

    @Test
    void theLeagueReturnsTheClaimToTheAgencyWhichSendsItBackAndItIsPaid() {
        long id = submit(ClaimRequests.claim(api.enrolledMember(), "3000.00"), "AGENCY_CHECK");
        ProcessInstance instance = instanceOf(id);
        require(api.decide("agency", id, "APPROVE", null), 200);
        require(api.decide("league", id, "RETURN", "请补充出院小结原件"), 200);
        assertThat(instance).isWaitingAt("AgencyCheck");
        assertThat(api.get("agency", "/api/claims/" + id).body().get("status").asText()).isEqualTo("AGENCY_CHECK");
        require(api.decide("agency", id, "APPROVE", "已核对原件"), 200);
        require(api.decide("league", id, "APPROVE", null), 200);
        Jobs.runDue(management, instance.getId());
        assertThat(instance).isEnded();
        var claim = api.get("clerk", "/api/claims/" + id).body();
        assertThat(claim.get("status").asText()).isEqualTo("PAID");
        assertThat(claim.get("subsidy").asText()).isEqualTo("1300.00");
        List<String> steps = new ArrayList<>();
        claim.get("history").forEach(h -> steps.add(h.get("step").asText() + ":" + h.get("decision").asText()));
        assertThat(steps).containsSubsequence("AGENCY_CHECK:APPROVE", "LEAGUE_AUDIT:RETURN", "AGENCY_CHECK:APPROVE",
                "LEAGUE_AUDIT:APPROVE");
    }

    @Test
    void aClaimGrantedNothingIsSettledWithoutATransfer() {
        long id = submit(ClaimRequests.claim(api.enrolledMember(), "0.00"), "AGENCY_CHECK");
        ProcessInstance instance = instanceOf(id);
        require(api.decide("agency", id, "APPROVE", null), 200);
        require(api.decide("league", id, "APPROVE", null), 200);
        Jobs.runDue(management, instance.getId());
        assertThat(instance).isEnded().hasPassed("PayOut", "SettledWithoutTransfer", "NotifyMember")
                .hasNotPassed("AwaitBankResult");
        var claim = api.get("clerk", "/api/claims/" + id).body();
        assertThat(claim.get("status").asText()).isEqualTo("PAID");
        assertThat(claim.get("subsidy").asText()).isEqualTo("0.00");
        assertThat(claim.get("payments")).isEmpty();
    }

    @Test
    void aClaimPastTheClaimWindowIsRejected() {
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "800.00");
        claim.put("admissionDate", EngineTime.today().minusDays(400).toString());
        claim.put("dischargeDate", EngineTime.today().minusDays(366).toString());
        long id = submit(claim, "REJECTED");
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("rejectionReason").asText()).contains("申领期限");
    }

    @Test
    void aClaimOutsideTheEnrolmentIsRejected() {
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "800.00");
        claim.put("admissionDate", "2019-10-10");
        claim.put("dischargeDate", EngineTime.today().minusDays(3).toString());
        long id = submit(claim, "REJECTED");
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("rejectionReason").asText()).contains("参保期");
    }

    @Test
    void anInvoiceUsedByALiveClaimIsRefusedButOneFromARejectedClaimMayBeUsedAgain() {
        String member = api.enrolledMember();
        Map<String, Object> first = ClaimRequests.claim(member, "800.00");
        long firstId = submit(first, "AGENCY_CHECK");
        Map<String, Object> copy = ClaimRequests.claim(api.enrolledMember(), "800.00");
        copy.put("invoices", first.get("invoices"));
        long copyId = submit(copy, "REJECTED");
        assertThat(api.get("clerk", "/api/claims/" + copyId).body().get("rejectionReason").asText()).contains("发票已用于其他申请");

        require(api.decide("agency", firstId, "REJECT", "重复申请"), 200);
        Map<String, Object> retry = ClaimRequests.claim(member, "800.00");
        retry.put("invoices", first.get("invoices"));
        submit(retry, "AGENCY_CHECK");
    }

    private long submit(Map<String, Object> claim, String expectedStatus) {
        var answer = require(api.post("clerk", "/api/claims", claim), 201).body();
        assertThat(answer.get("status").asText()).isEqualTo(expectedStatus);
        return answer.get("id").asLong();
    }

    /** The claim's messages to its member, oldest first: kind and text. */
    private List<String> messages(long claimId) {
        return jdbc.sql("select kind || ' ' || message from notification where claim_id = :id and member_id is not null order by id")
                .param("id", claimId).query(String.class).list();
    }

    private ProcessInstance instanceOf(long claimId) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(claimId)).singleResult();
        if (running != null) {
            return running;
        }
        String id = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(claimId)).singleResult().getId();
        return new EndedInstance(id, Long.toString(claimId));
    }

    /** A handle on a finished instance, which camunda-bpm-assert reads from history. */
    private record EndedInstance(String id, String businessKey) implements ProcessInstance {
        public String getId() { return id; }
        public String getProcessInstanceId() { return id; }
        public String getBusinessKey() { return businessKey; }
        public String getProcessDefinitionId() { return null; }
        public String getProcessDefinitionKey() { return "claim-lifecycle"; }
        public String getRootProcessInstanceId() { return id; }
        public String getCaseInstanceId() { return null; }
        public boolean isSuspended() { return false; }
        public boolean isEnded() { return true; }
        public String getTenantId() { return null; }
    }
}
