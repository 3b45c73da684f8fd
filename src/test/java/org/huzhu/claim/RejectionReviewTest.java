package org.huzhu.claim;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.StatisticsTallies;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/**
 * The review of a rejection (复核申请, rejection-review.bpmn) on the real engine: asked for within
 * the window, once per rejection, decided by a league head or the committee who never decided
 * the claim, upheld back to an audit and on to payment on a new deadline, or refused for good.
 */
@HuzhuIntegrationTest
class RejectionReviewTest extends ClaimProcessTest {

    @Autowired
    FormService formService;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void clockBack() {
        EngineTime.reset();
    }

    @Test
    void anUpheldReviewSendsTheClaimBackToTheLeagueAuditAndOnToPaymentOnANewDeadline() {
        long id = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        claims.decide("league", id, "LeagueAudit", "REJECT", "出院小结与发票日期不符");
        assertThat(claims.status(id)).isEqualTo("REJECTED");
        LocalDate firstDue = dueDate(id);
        String firstProcess = claims.processOf(id);
        long reviewOpenBefore = openInReview();

        EngineTime.set("2026-12-08T10:00:00+08:00");
        JsonNode review = require(api.post("clerk", "/api/claims/" + id + "/reviews",
                Map.of("reason", "会员补交了医院更正后的出院小结")), 201).body();
        assertThat(review.get("channel").asText()).isEqualTo("COUNTER");
        assertThat(review.get("deadlineWorkingDays").asInt()).isEqualTo(10);
        assertThat(claims.status(id)).isEqualTo("REVIEW");
        // the review's own stage and deadline on the payment clock, on the supervisors' dashboard
        assertThat(jdbc.sql("select stage from claim_sla where claim_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("REVIEW");
        assertThat(dueDate(id)).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(openInReview()).isEqualTo(reviewOpenBefore + 1);
        assertThat(messages(id)).contains("REVIEW_REQUESTED");

        Task task = reviewTask(id);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("RejectionReviewByLeagueHead");
        assertThat(task.getDueDate()).isNotNull();
        // the league auditor who rejected is no candidate
        Api.Answer byDecider = claims.decision("league", task, "UPHOLD_AT_LEAGUE_AUDIT", "更正后材料齐全");
        assertThat(byDecider.status()).as(byDecider.body().toString()).isEqualTo(403);
        assertThat(fieldCodes(claims.decision("head", task, "UPHOLD_AT_LEAGUE_AUDIT"))).contains("reason:REQUIRED");
        assertThat(claims.decision("head", task, "APPROVE", "x").status()).isEqualTo(400);

        EngineTime.set("2026-12-10T10:00:00+08:00");
        require(claims.decision("head", task, "UPHOLD_AT_LEAGUE_AUDIT", "更正后的出院小结与发票一致"), 200);
        assertThat(claims.status(id)).isEqualTo("LEAGUE_AUDIT");
        assertThat(claims.processOf(id)).isNotEqualTo(firstProcess);
        assertThat(claims.openTask(id).getTaskDefinitionKey()).isEqualTo("LeagueAudit");
        // a new payment deadline: ten working days from the day the review was upheld
        assertThat(jdbc.sql("select stage from claim_sla where claim_id = :id").param("id", id).query(String.class).single())
                .isEqualTo("LEAGUE_AUDIT");
        assertThat(dueDate(id)).isEqualTo(LocalDate.of(2026, 12, 24)).isAfter(firstDue);
        assertThat(messages(id)).contains("REVIEW_UPHELD");

        claims.decide("league-b", id, "LeagueAudit", "APPROVE");
        claims.pay(id);
        assertThat(jdbc.sql("select outcome from claim_sla where claim_id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("PAID");
        assertThat(claims.decidedSteps(id)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "REJECTION_REVIEW",
                "LEAGUE_AUDIT");
        assertThat(jdbc.sql("select step from claim_event where claim_id = :id order by id").param("id", id)
                .query(String.class).list()).contains("REVIEW_REQUESTED", "REJECTION_REVIEW");
        assertThat(messages(id)).contains("PAID");
        // rejected, then paid: the statistics' roll-ups took the rejection back
        StatisticsTallies.assertMatchTheBaseTables(jdbc);
    }

    @Test
    void aRefusedReviewIsFinalAndASecondReviewIsRefused() {
        long id = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", id, "AgencyCheck", "REJECT", "非本单位参保职工");
        require(api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "会员已调入本单位")), 201);
        Task task = reviewTask(id);
        // rejected before it was calculated: audited again from the agency check at the earliest
        assertThat(claims.decision("head", task, "UPHOLD_AT_LEAGUE_AUDIT", "试试").body().get("code").asText())
                .isEqualTo("NOT_CALCULATED_YET");
        require(claims.decision("head", task, "REFUSE", "调入日期晚于入院日期"), 200);
        assertThat(claims.status(id)).isEqualTo("REJECTED");
        assertThat(reviewTasks(id)).isEmpty();
        assertThat(jdbc.sql("select outcome from claim_sla where claim_id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select message from notification where claim_id = :id and kind = 'REVIEW_REFUSED'")
                .param("id", id).query(String.class).single()).contains("维持驳回", "调入日期晚于入院日期", "最终结论");

        Api.Answer second = api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "再申请一次"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("code").asText()).isEqualTo("REVIEW_ALREADY_DONE");
        assertThat(second.body().get("detail").asText()).contains("不能再次申请复核");
        assertThat(reviews(id)).isEqualTo(1);
        assertThat(require(api.get("league", "/api/claims/" + id + "/reviews"), 200).body().get(0).get("outcome").asText())
                .isEqualTo("REFUSED");
    }

    @Test
    void theReviewTaskIsDecidedWithItsOwnFormInTasklist() {
        long id = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", id, "AgencyCheck", "REJECT", "缺少出院小结");
        require(api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "补交出院小结")), 201);
        Task task = taskService.createTaskQuery().processDefinitionKey("rejection-review")
                .processInstanceBusinessKey(Long.toString(id)).initializeFormKeys().singleResult();
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("rejection-review");
        assertThat(formService.getTaskFormVariables(task.getId()).get("claimView")).asString().contains("缺少出院小结");
        identityService.setAuthentication("head", List.of("league-head"));
        try {
            taskService.claim(task.getId(), "head");
            // what Tasklist sends when the form is submitted without a reason
            assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), Map.of("rejectionReviewOutcome", "REFUSE")))
                    .hasMessageContaining("请填写复核意见");
            assertThat(claims.status(id)).isEqualTo("REVIEW");
            formService.submitTaskForm(task.getId(), Map.of("rejectionReviewOutcome", "UPHOLD_AT_AGENCY_CHECK",
                    "rejectionReviewReason", "出院小结已补交"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(claims.status(id)).isEqualTo("AGENCY_CHECK");
        assertThat(require(api.get("league", "/api/claims/" + id + "/reviews"), 200).body().get(0).get("outcome").asText())
                .isEqualTo("UPHELD");
    }

    @Test
    void aReviewOutsideTheWindowOrOfAClaimNotRejectedIsRefusedAndNothingIsStored() {
        long open = claims.submit(api.enrolledMember(), "2000.00");
        Api.Answer notRejected = api.post("clerk", "/api/claims/" + open + "/reviews", Map.of("reason", "复核"));
        assertThat(notRejected.status()).isEqualTo(409);
        assertThat(notRejected.body().get("code").asText()).isEqualTo("CLAIM_NOT_REJECTED");

        long id = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", id, "AgencyCheck", "REJECT", "材料不实");
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims/" + id + "/reviews", Map.of()), 400)))
                .containsExactly("reason:REQUIRED");
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims/" + id + "/reviews",
                Map.of("reason", "长".repeat(501))), 400))).containsExactly("reason:TOO_LONG");
        assertThat(api.post("agency", "/api/claims/" + id + "/reviews", Map.of("reason", "复核")).status()).isEqualTo(403);

        EngineTime.set(EngineTime.today().plusDays(61) + "T10:00:00+08:00");
        Api.Answer late = api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "会员出差刚回来"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("code").asText()).isEqualTo("REVIEW_WINDOW_CLOSED");
        assertThat(late.body().get("detail").asText()).contains("60天内");
        assertThat(claims.status(id)).isEqualTo("REJECTED");
        assertThat(reviews(id)).isZero();
        assertThat(reviewTasks(id)).isEmpty();
        assertThat(messages(id)).doesNotContain("REVIEW_REQUESTED");
    }

    @Test
    void theCommitteeReviewsAboveItsThresholdAndNobodyWhoDecidedTheClaimIsACandidate() {
        long id = claims.submit(api.enrolledMember(), "110000.00"); // subsidy 54,800.00
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        claims.decide("league", id, "LeagueAudit", "APPROVE");
        claims.decide("head", id, "LeagueHeadApproval", "APPROVE");
        claims.decide("committee", id, "CommitteeReview", "REJECT", "超出委员会核定的特殊困难标准");
        String member = "committee-" + TestIds.code("r").toLowerCase();
        require(api.post("admin", "/api/users", Map.of("id", member, "name", "复核委员", "password", "a-long-password",
                "roles", List.of("committee"))), 201);

        require(api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "会员提供了新的病理报告")), 201);
        Task task = reviewTask(id);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("RejectionReviewByCommittee");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getUserId)
                .contains(member).doesNotContain("committee", "head", "league", "agency");
        Api.Answer byDecider = claims.decision("committee", task, "REFUSE", "维持原结论");
        assertThat(byDecider.status()).isEqualTo(403);
        assertThat(byDecider.body().get("code").asText()).isEqualTo("NOT_YOUR_TASK");

        require(new Api(rest, "a-long-password").post(member, "/api/tasks/" + task.getId() + "/decision",
                Map.of("outcome", "UPHOLD_AT_LEAGUE_AUDIT", "reason", "新病理报告证实病情")), 200);
        assertThat(claims.status(id)).isEqualTo("LEAGUE_AUDIT");
        assertThat(claims.openTask(id).getTaskDefinitionKey()).isEqualTo("LeagueAudit");
    }

    @Test
    void whenEveryLeagueHeadDecidedTheClaimBeforeNoneOfThemMayDecideItsReview() {
        long id = claims.submit(api.enrolledMember(), "21000.00"); // subsidy 10,300.00
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        claims.decide("league", id, "LeagueAudit", "APPROVE");
        claims.decide("head", id, "LeagueHeadApproval", "REJECT", "同一次住院已在他处获补助");
        require(api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "他处补助已退回")), 201);
        Task task = reviewTask(id);
        Api.Answer byDecider = claims.decision("head", task, "UPHOLD_AT_LEAGUE_AUDIT", "已退回");
        // offered to the group when nobody else is left, and still refused to the one who decided
        assertThat(byDecider.status()).isIn(403, 409);
        assertThat(byDecider.body().get("code").asText()).isIn("NOT_YOUR_TASK", "SAME_DECIDER");
        assertThat(claims.status(id)).isEqualTo("REVIEW");
        assertThat(reviewTasks(id)).hasSize(1);
    }

    @Test
    void aReviewLeftLyingIsEscalatedOnItsOwnDeadlineAfterThePaymentDeadlineWasEscalatedToo() {
        EngineTime.set("2026-12-01T09:00:00+08:00");
        long id = claims.submit(api.enrolledMember(), "2000.00");
        EngineTime.set("2026-12-16T09:00:00+08:00");
        Jobs.runDue(management, claims.processOf(id));
        assertThat(escalations(id)).containsExactly("AT_RISK AGENCY_CHECK", "BREACHED AGENCY_CHECK");
        claims.decide("agency", id, "AgencyCheck", "REJECT", "缺少出院小结");

        EngineTime.set("2026-12-16T10:00:00+08:00");
        require(api.post("clerk", "/api/claims/" + id + "/reviews", Map.of("reason", "补交出院小结")), 201);
        String review = reviewTask(id).getProcessInstanceId();
        // the review's deadline is new: the claim is not urgent for what its payment deadline went through
        assertThat(require(api.get("head", "/api/claims/" + id), 200).body().get("urgent").asBoolean()).isFalse();
        java.time.Instant atRisk = jdbc.sql("select at_risk_at from claim_sla where claim_id = :id").param("id", id)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(management.createJobQuery().processInstanceId(review).activityId("SlaAtRisk").singleResult()
                .getDuedate().toInstant()).isEqualTo(atRisk);

        EngineTime.set(atRisk.plusSeconds(3600).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        Jobs.runDue(management, review);
        assertThat(escalations(id)).containsExactly("AT_RISK AGENCY_CHECK", "BREACHED AGENCY_CHECK", "AT_RISK REVIEW");
        EngineTime.set(dueDate(id).plusDays(1).atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        Jobs.runDue(management, review);
        Jobs.runDue(management, review);
        assertThat(escalations(id)).containsExactly("AT_RISK AGENCY_CHECK", "BREACHED AGENCY_CHECK", "AT_RISK REVIEW",
                "BREACHED REVIEW");
        assertThat(jdbc.sql("select subject from notification where claim_id = :id and member_id is null order by id")
                .param("id", id).query(String.class).list()).hasSize(4).last().asString()
                .startsWith("超期督办：申请" + id).endsWith(dueDate(id) + "前作出复核结论");
        assertThat(require(api.get("head", "/api/claims/" + id), 200).body().get("urgent").asBoolean()).isTrue();

        require(claims.decision("head", reviewTask(id), "REFUSE", "出院小结仍缺"), 200);
        assertThat(management.createJobQuery().processInstanceId(review).count()).isZero();
    }

    @Test
    void theClaimPageFormAsksForTheReviewWithANewPaperAndShowsProblemsAtTheirFields() {
        long id = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", id, "AgencyCheck", "REJECT", "缺少出院小结");
        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        assertThat(clerk.get("/claims/" + id).text()).contains("申请复核", "驳回之日起60天内");
        WorkbenchSession.Page refused = clerk.postBytes("/claims/" + id + "/reviews", Map.of("reason", ""), "file", Map.of());
        assertThat(refused.status()).isEqualTo(302);
        assertThat(clerk.get(java.net.URI.create(refused.location()).getPath()).text()).contains("请填写申请复核的理由");
        assertThat(reviews(id)).isZero();

        WorkbenchSession.Page sent = clerk.postBytes("/claims/" + id + "/reviews",
                Map.of("reason", "补交出院小结", "kind", "DISCHARGE_SUMMARY"), "file",
                Map.of("出院小结.png", org.huzhu.support.PaperFiles.image("png", 800, 1000, id)));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(clerk.get(java.net.URI.create(sent.location()).getPath()).text()).contains("已提交复核申请及1个新材料文件", "复核中", "待复核");
        assertThat(reviews(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from paper where claim_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        WorkbenchSession head = WorkbenchSession.signIn(port, "head");
        assertThat(head.get("/claims/" + id).text()).contains("复核申请审理", "认领任务");
        head.post("/claims/" + id + "/tasks/" + reviewTask(id).getId() + "/claim", Map.of());
        // the decision panel says what a review's opinion is for
        assertThat(head.get("/claims/" + id).html().select("form.decision .hint").text())
                .isEqualTo("复核意见必填，最多500字；维持驳回时将告知会员。");
    }

    private Task reviewTask(long claimId) {
        List<Task> open = reviewTasks(claimId);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<Task> reviewTasks(long claimId) {
        return taskService.createTaskQuery().processDefinitionKey("rejection-review")
                .processInstanceBusinessKey(Long.toString(claimId)).list();
    }

    private List<String> escalations(long claimId) {
        return jdbc.sql("select kind || ' ' || stage from sla_escalation where claim_id = :id order by id")
                .param("id", claimId).query(String.class).list();
    }

    private LocalDate dueDate(long claimId) {
        return jdbc.sql("select due_date from claim_sla where claim_id = :id").param("id", claimId)
                .query(LocalDate.class).single();
    }

    private long reviews(long claimId) {
        return jdbc.sql("select count(*) from claim_review where claim_id = :id").param("id", claimId)
                .query(Long.class).single();
    }

    private List<String> messages(long claimId) {
        return jdbc.sql("select kind from notification where claim_id = :id order by id").param("id", claimId)
                .query(String.class).list();
    }

    /** Claims in review at the demo agency, as the supervisors' dashboard counts them. */
    private long openInReview() {
        JsonNode rows = require(api.get("supervisor", "/api/sla/open-claims"), 200).body();
        long open = 0;
        for (JsonNode row : rows) {
            if ("DEMO-A".equals(row.get("agencyCode").asText()) && "REVIEW".equals(row.get("stage").asText())) {
                assertThat(row.get("stageLabel").asText()).isEqualTo("复核");
                open += row.get("open").asLong();
            }
        }
        return open;
    }
}
