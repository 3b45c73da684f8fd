package org.huzhu.revision;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.revision.RevisionUploads.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Process admins upload revisions: broken ones are refused whole, good ones go live and claims move over. */
@HuzhuIntegrationTest
class ProcessRevisionApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    Api api;
    RevisionUploads uploads;
    String shipped;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(rest);
        uploads = new RevisionUploads(rest);
        shipped = Files.readString(Path.of("processes/claim-lifecycle.bpmn"), StandardCharsets.UTF_8);
    }

    /**
     * The shipped processes, decisions and forms become the latest versions again (forms too: a
     * task's form is looked up in its process's deployment), so that the test classes after this
     * one start their claims on them, not on a revision deployed here.
     */
    @AfterEach
    void shippedVersionsAreLatestAgain() throws Exception {
        DeploymentBuilder again = repository.createDeployment().name("shipped-again");
        for (String folder : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.sorted().toList()) {
                    again.addString(folder + "/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        again.deploy();
    }

    @Test
    void aBrokenRevisionIsRefusedWithItsReasonsAndNothingIsDeployed() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String broken = shipped.replace("${calculateSubsidy}", "${noSuchDelegate}")
                .replace("camunda:formRef=\"league-audit\"", "camunda:formRef=\"missing-form\"")
                .replace("name=\"自动预审\"", "name=\"\"");
        Answer answer = upload("admin", "换掉了计算", Map.of("claim-lifecycle.bpmn", broken, "routing.dmn", "<definitions>不是DMN"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("UNKNOWN_DELEGATE", "noSuchDelegate", "UNKNOWN_FORM", "missing-form",
                "UNREADABLE_DMN", "LINT_LABEL_REQUIRED");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        assertThat(upload("admin", "", Map.of("claim-lifecycle.bpmn", shipped)).body().toString()).contains("comment");
        assertThat(upload("agency", "我来改", Map.of("claim-lifecycle.bpmn", shipped)).status()).isEqualTo(403);
        assertThat(upload("admin", "不是流程", Map.of("notes.txt", "hello")).body().toString()).contains("UNSUPPORTED_FILE");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aDecisionThatCannotRouteIsRefused() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String routing = Files.readString(Path.of("processes/approval-routing.dmn"), StandardCharsets.UTF_8);
        Answer unknownStep = upload("admin", "新增审批环节", Map.of("approval-routing.dmn",
                routing.replace("<text>\"COMMITTEE\"</text></outputEntry>", "<text>\"BOARD\"</text></outputEntry>")));
        assertThat(unknownStep.status()).isEqualTo(400);
        assertThat(unknownStep.body().toString()).contains("UNKNOWN_APPROVAL_STEP");
        Answer noHistory = upload("admin", "去掉保留期限", Map.of("approval-routing.dmn",
                routing.replace(" camunda:historyTimeToLive=\"1825\"", "")));
        assertThat(noHistory.body().toString()).contains("NO_HISTORY_TIME_TO_LIVE");
        Answer badRule = upload("admin", "规则写错", Map.of("approval-routing.dmn",
                routing.replace("<text>&gt;= 10000</text>", "<text>[10000..</text>")));
        assertThat(badRule.body().toString()).contains("DMN_EVALUATION_FAILED");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aDryRunShowsHowRecentClaimsWouldBeRoutedAndDeploysNothing() throws Exception {
        ClaimDriver claims = new ClaimDriver(api, taskService, management, jdbc);
        for (String eligible : List.of("3000.00", "11000.00", "21000.00")) { // subsidies 1,300, 5,300 and 10,300
            long id = claims.submit(api.enrolledMember(), eligible);
            claims.decide("agency", id, "AgencyCheck", "APPROVE");
        }
        long deployments = repository.createDeploymentQuery().count();
        String routing = Files.readString(Path.of("processes/approval-routing.dmn"), StandardCharsets.UTF_8);
        String lower = routing.replace("<text>&gt;= 10000</text>", "<text>&gt;= 5000</text>");

        JsonNode report = dryRun("admin", Map.of("approval-routing.dmn", lower), "3");
        assertThat(report.get("sampleSize").asInt()).isEqualTo(3);
        assertThat(pathCounts(report)).containsEntry("协会审核", List.of(2, 1))
                .containsEntry("协会审核 → 协会负责人审批", List.of(1, 2));
        JsonNode head = group(report, "league-head");
        assertThat(head.get("liveTasks").asInt()).isEqualTo(1);
        assertThat(head.get("candidateTasks").asInt()).isEqualTo(2);
        assertThat(head.get("changePercent").asDouble()).isEqualTo(100.0);
        assertThat(group(report, "league-auditor").get("candidateTasks").asInt()).isEqualTo(3);
        assertThat(report.toString()).doesNotContain("memberName", "idNumber", "6222");

        JsonNode withoutStep = dryRun("admin", Map.of("approval-routing.dmn", lower,
                "claim-lifecycle.bpmn", withoutLeagueHeadStep(shipped)), "3");
        assertThat(withoutStep.get("warnings").toString()).contains("协会负责人审批");
        assertThat(pathCounts(withoutStep)).containsEntry("协会审核", List.of(2, 3));

        // A branch of the process itself: every in-patient claim to a second audit.
        JsonNode everyInpatient = dryRun("admin", Map.of("claim-lifecycle.bpmn",
                shipped.replace("${secondAudit}", "${secondAudit || scheme == 'INPATIENT'}")), "3");
        assertThat(pathCounts(everyInpatient)).containsEntry("协会审核 → 协会复核", List.of(0, 2))
                .containsEntry("协会审核 → 协会复核 → 协会负责人审批", List.of(0, 1));
        assertThat(group(everyInpatient, "league-auditor").get("candidateTasks").asInt()).isEqualTo(6);

        // Two branches of 需复核？ that both hold: refused, where the walk used to take the first.
        String ambiguous = shipped.replace("${secondAudit}", "${secondAudit || subsidy >= 0}")
                .replace(" default=\"Flow_SecondAuditSkipped\"", "")
                .replace("<bpmn:sequenceFlow id=\"Flow_SecondAuditSkipped\" name=\"不需要\" sourceRef=\"SecondAuditNeeded\" targetRef=\"SecondAuditDone\" />",
                        "<bpmn:sequenceFlow id=\"Flow_SecondAuditSkipped\" name=\"不需要\" sourceRef=\"SecondAuditNeeded\" targetRef=\"SecondAuditDone\">"
                                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${subsidy >= 0}</bpmn:conditionExpression>"
                                + "</bpmn:sequenceFlow>");
        Answer refused = dryRunAnswer("admin", Map.of("claim-lifecycle.bpmn", ambiguous), "3");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        JsonNode problem = refused.body().get("errors").get(0);
        assertThat(problem.get("field").asText() + ":" + problem.get("code").asText()).isEqualTo("files:DRY_RUN_SEVERAL_FLOWS_MATCH");
        assertThat(problem.get("message").asText()).startsWith("候选流程：排他网关「需复核？」（SecondAuditNeeded）");

        assertThat(dryRunAnswer("admin", Map.of("approval-routing.dmn", lower), "0").status()).isEqualTo(400);
        assertThat(dryRunAnswer("agency", Map.of("approval-routing.dmn", lower), "3").status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    private JsonNode dryRun(String user, Map<String, String> files, String sample) throws Exception {
        Answer answer = dryRunAnswer(user, files, sample);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private Answer dryRunAnswer(String user, Map<String, String> files, String sample) throws Exception {
        return uploads.dryRun(user, files, sample);
    }

    private static Map<String, List<Integer>> pathCounts(JsonNode report) {
        Map<String, List<Integer>> counts = new java.util.HashMap<>();
        report.get("paths").forEach(p -> counts.put(p.get("path").asText(),
                List.of(p.get("live").asInt(), p.get("candidate").asInt())));
        return counts;
    }

    private static JsonNode group(JsonNode report, String group) {
        for (JsonNode load : report.get("groups")) {
            if (load.get("group").asText().equals(group)) {
                return load;
            }
        }
        throw new AssertionError("no load for " + group + " in " + report);
    }

    @Test
    void aRevisionGoesLiveAndRunningClaimsMoveOverAndArePaidOnce() throws Exception {
        long waiting = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "2000.00")), 201)
                .body().get("id").asLong();
        String oldProcess = processOf(waiting);
        String revised = shipped.replace("name=\"协会审核\"", "name=\"协会审核（复核）\"");

        Answer deployed = upload("admin", "协会审核改名为复核", Map.of("claim-lifecycle.bpmn", revised));
        assertThat(deployed.status()).as(deployed.body().toString()).isEqualTo(201);
        assertThat(deployed.body().get("changes").asText()).isEqualTo("步骤无增减");
        JsonNode listed = require(api.get("admin", "/api/admin/deployments"), 200).body();
        assertThat(listed.get(0).get("comment").asText()).isEqualTo("协会审核改名为复核");
        assertThat(listed.get(0).get("deployedBy").asText()).isEqualTo("admin");
        assertThat(api.get("agency", "/api/admin/deployments").status()).isEqualTo(403);

        JsonNode report = require(api.post("admin", "/api/admin/migrations",
                Map.of("processKey", "claim-lifecycle", "processInstanceIds", List.of(oldProcess))), 200).body();
        assertThat(report.get("migrated").toString()).contains(oldProcess);
        assertThat(report.get("refused").size()).isZero();
        String target = report.get("targetProcessDefinitionId").asText();
        assertThat(jdbc.sql("select proc_def_id_ from act_ru_execution where id_ = :id").param("id", oldProcess)
                .query(String.class).single()).isEqualTo(target);

        require(api.decide("agency", waiting, "APPROVE", null), 200);
        JsonNode leagueTask = api.get("league", "/api/tasks?size=100").body();
        assertThat(leagueTask.toString()).contains("协会审核（复核）");
        require(api.decide("league", waiting, "APPROVE", null), 200);
        Jobs.runDue(management, oldProcess);
        assertThat(api.get("clerk", "/api/claims/" + waiting).body().get("status").asText()).isEqualTo("PAID");
        assertThat(jdbc.sql("select count(*) from payment where claim_id = :id").param("id", waiting)
                .query(Long.class).single()).isEqualTo(1);

        JsonNode versions = require(api.get("admin", "/api/admin/process-versions"), 200).body();
        assertThat(versions.toString()).contains(target);
    }

    @Test
    void aRevisionInsertingTheLeagueHeadStepMovesClaimsFromEveryStageAndEachIsPaidOnce() throws Exception {
        String routing = Files.readString(Path.of("processes/approval-routing.dmn"), StandardCharsets.UTF_8);
        Answer withoutHead = upload("admin", "去掉协会负责人审批", Map.of("claim-lifecycle.bpmn", withoutLeagueHeadStep(shipped),
                "approval-routing.dmn", routing.replaceAll("(?s)<rule id=\"Rule_LeagueHead\">.*?</rule>", "")));
        assertThat(withoutHead.status()).as(withoutHead.body().toString()).isEqualTo(201);
        assertThat(withoutHead.body().get("changes").asText()).contains("删除步骤", "LeagueHeadApproval",
                "approval-routing 删除规则：Rule_LeagueHead");
        String oldVersion = latestVersion();

        ClaimDriver claims = new ClaimDriver(api, taskService, management, jdbc);
        Map<String, Object> incomplete = ClaimRequests.claim(api.enrolledMember(), "21000.00");
        incomplete.put("documents", List.of("INVOICE", "EXPENSE_LIST", "DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT", "ID_CARD"));
        long supplements = require(api.post("clerk", "/api/claims", incomplete), 201).body().get("id").asLong();
        long agency = claims.submit(api.enrolledMember(), "21000.00");
        long league = claims.submit(api.enrolledMember(), "21000.00");
        long small = claims.submit(api.enrolledMember(), "2000.00");
        String repeating = api.enrolledMember();
        long repeatAtAgency = claims.submit(repeating, "21000.00");
        long repeatAtSecondAudit = claims.submit(repeating, "21000.00");
        long committee = claims.submit(api.enrolledMember(), "110000.00");
        long payout = claims.submit(api.enrolledMember(), "21000.00");
        long bank = claims.submit(api.enrolledMember(), "21000.00");
        for (long id : List.of(league, small, repeatAtSecondAudit, committee, payout, bank)) {
            claims.decide("agency", id, "AgencyCheck", "APPROVE");
        }
        for (long id : List.of(repeatAtSecondAudit, committee, payout, bank)) {
            claims.decide("league", id, "LeagueAudit", "APPROVE");
        }
        for (Job job : management.createJobQuery().processInstanceId(claims.processOf(bank)).executable().list()) {
            management.executeJob(job.getId());
        }
        Map<Long, String> waitingAt = Map.of(supplements, "SupplementsReceived", agency, "AgencyCheck",
                league, "LeagueAudit", small, "LeagueAudit", repeatAtAgency, "AgencyCheck",
                repeatAtSecondAudit, "SecondAudit", committee, "CommitteeReview", payout, "PayOut", bank, "AwaitBankResult");
        waitingAt.forEach((id, step) -> {
            assertThat(runtime.getActiveActivityIds(claims.processOf(id))).as("claim " + id).contains(step);
            assertThat(definitionOf(claims.processOf(id))).isEqualTo(oldVersion);
        });

        Answer withHead = upload("admin", "补助1万元及以上须协会负责人审批", Map.of("claim-lifecycle.bpmn", shipped,
                "approval-routing.dmn", routing));
        assertThat(withHead.status()).as(withHead.body().toString()).isEqualTo(201);
        assertThat(withHead.body().get("changes").asText()).contains("新增步骤", "LeagueHeadApproval",
                "approval-routing 新增规则：Rule_LeagueHead");
        JsonNode report = require(api.post("admin", "/api/admin/migrations", Map.of("processKey", "claim-lifecycle",
                "processInstanceIds", waitingAt.keySet().stream().map(claims::processOf).toList())), 200).body();
        assertThat(report.get("refused").size()).as(report.toString()).isZero();
        assertThat(report.get("migrated").size()).isEqualTo(waitingAt.size());
        waitingAt.keySet().forEach(id -> assertThat(definitionOf(claims.processOf(id))).isEqualTo(latestVersion()));

        require(api.post("clerk", "/api/claims/" + supplements + "/supplements", Map.of("documents", List.of("BANK_CARD"))), 200);
        for (long id : List.of(supplements, agency, repeatAtAgency)) {
            claims.decide("agency", id, "AgencyCheck", "APPROVE");
        }
        for (long id : List.of(supplements, agency, league, small, repeatAtAgency)) {
            claims.decide("league", id, "LeagueAudit", "APPROVE");
        }
        for (long id : List.of(repeatAtAgency, repeatAtSecondAudit)) {
            claims.decide("league-b", id, "SecondAudit", "APPROVE");
        }
        for (long id : List.of(supplements, agency, league, repeatAtAgency, repeatAtSecondAudit)) {
            claims.decide("head", id, "LeagueHeadApproval", "APPROVE");
        }
        claims.decide("committee", committee, "CommitteeReview", "APPROVE");
        for (long id : waitingAt.keySet()) {
            claims.pay(id);
            assertThat(jdbc.sql("select count(*) from payment_instruction where claim_id = :id").param("id", id)
                    .query(Long.class).single()).as("claim " + id).isEqualTo(1);
        }

        List<String> withLeagueHead = List.of("AGENCY_CHECK", "LEAGUE_AUDIT", "LEAGUE_HEAD_APPROVAL");
        assertThat(claims.decidedSteps(supplements)).isEqualTo(withLeagueHead);
        assertThat(claims.decidedSteps(agency)).isEqualTo(withLeagueHead);
        assertThat(claims.decidedSteps(league)).isEqualTo(withLeagueHead);
        assertThat(claims.decidedSteps(small)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT");
        assertThat(claims.decidedSteps(repeatAtAgency))
                .containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT", "LEAGUE_HEAD_APPROVAL");
        assertThat(claims.decidedSteps(repeatAtSecondAudit))
                .containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT", "LEAGUE_HEAD_APPROVAL");
        // Past the new step when it moved: the committee's claim and those already in payout finish without it.
        assertThat(claims.decidedSteps(committee)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "COMMITTEE_REVIEW");
        assertThat(claims.decidedSteps(payout)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT");
        assertThat(claims.decidedSteps(bank)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT");
    }

    /** The shipped process as it was before the league head's step: the second audit leads straight to the committee. */
    private static String withoutLeagueHeadStep(String bpmn) {
        String cut = bpmn;
        for (String element : List.of("exclusiveGateway", "userTask", "endEvent")) {
            cut = cut.replaceAll("(?s)\\s*<bpmn:" + element + " id=\"LeagueHead[A-Za-z]*\".*?</bpmn:" + element + ">", "");
        }
        cut = cut.replaceAll("(?s)\\s*<bpmn:sequenceFlow id=\"Flow_(ToLeagueHeadApproval|LeagueHead[A-Za-z]*)\"[^>]*?(/>|>.*?</bpmn:sequenceFlow>)", "")
                .replaceAll("(?s)\\s*<bpmndi:BPMN(Shape|Edge) id=\"[A-Za-z_]*LeagueHead[A-Za-z_]*_di\".*?</bpmndi:BPMN\\1>", "")
                .replace("sourceRef=\"SecondAuditDone\" targetRef=\"LeagueHeadNeeded\"", "sourceRef=\"SecondAuditDone\" targetRef=\"CommitteeNeeded\"")
                .replace("<bpmn:incoming>Flow_LeagueHeadToNext</bpmn:incoming>", "<bpmn:incoming>Flow_SecondAuditToNext</bpmn:incoming>");
        assertThat(cut).doesNotContain("LeagueHead");
        return cut;
    }

    private String latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("claim-lifecycle").latestVersion()
                .singleResult().getId();
    }

    private String definitionOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
    }

    private Answer upload(String user, String comment, Map<String, String> files) throws Exception {
        return uploads.upload(user, comment, files);
    }

    private String processOf(long claimId) {
        return jdbc.sql("select process_instance_id from claim where id = :id").param("id", claimId).query(String.class).single();
    }
}
