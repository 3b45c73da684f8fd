package org.huzhu.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.notification.OutboxDispatcher;
import org.huzhu.platform.Beijing;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * A claim's payment clock through the engine: the engine's time is moved with ClockUtil and
 * due jobs are run as the job executor would. Each test works in an agency of its own.
 */
@HuzhuIntegrationTest
class SlaEscalationProcessTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxDispatcher outbox;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    Api api;
    String agency;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        agency = TestAgencies.create(organisations, identities);
    }

    @AfterEach
    void realTime() {
        EngineTime.reset();
    }

    @Test
    void aClaimLeftLyingIsEscalatedAtRiskThenBreachedOnceEachAndShowsWhichStageLostTheTime() {
        EngineTime.set("2026-09-28T09:00:00+08:00");
        long id = submit(true);
        String process = processOf(id);
        // 28 Sep + 10 working days over National Day and its make-up Saturday: 16 Oct
        JsonNode claim = claim(id);
        assertThat(claim.get("slaDueDate").asText()).isEqualTo("2026-10-16");
        assertThat(claim.get("slaState").asText()).isEqualTo("ON_TRACK");
        assertThat(claim.get("slaWorkingDaysLeft").asInt()).isEqualTo(10);
        assertThat(timer(process, "SlaAtRisk")).isEqualTo("2026-10-14T00:00+08:00");
        assertThat(timer(process, "SlaBreached")).isEqualTo("2026-10-17T00:00+08:00");
        assertThat(tasks.createTaskQuery().processInstanceId(process).singleResult().getDueDate())
                .isEqualTo(EngineTime.date("2026-10-17T00:00:00+08:00"));
        // what Tasklist's card counts the working days left from: National Day off, its make-up Saturday on
        assertThat(deadlineOnTask(process)).isEqualTo("""
                {"dueDate":"2026-10-16","workingDays":["2026-09-29","2026-09-30","2026-10-08","2026-10-09",\
                "2026-10-10","2026-10-12","2026-10-13","2026-10-14","2026-10-15","2026-10-16"]}""");

        EngineTime.set("2026-10-13T23:59:00+08:00");
        Jobs.runDue(management, process);
        assertThat(escalations(id)).isEmpty();
        assertThat(claim(id).get("slaWorkingDaysLeft").asInt()).isEqualTo(3);

        EngineTime.set("2026-10-14T08:00:00+08:00");
        Jobs.runDue(management, process);
        Jobs.runDue(management, process);
        assertThat(escalations(id)).containsExactly("AT_RISK");
        claim = claim(id);
        assertThat(claim.get("slaState").asText()).isEqualTo("AT_RISK");
        assertThat(claim.get("slaWorkingDaysLeft").asInt()).isEqualTo(2);
        assertThat(claim.get("urgent").asBoolean()).isTrue();
        JsonNode task = api.taskRowOf(TestAgencies.auditor(agency), id);
        assertThat(task.get("urgent").asBoolean()).isTrue();
        assertThat(task.get("slaState").asText()).isEqualTo("AT_RISK");
        assertThat(task.get("slaDueDate").asText()).isEqualTo("2026-10-16");
        assertThat(jdbc.sql("""
                        select n.staff_recipients || ' ' || n.kind || ' ' || n.subject from notification n
                        where n.claim_id = :id and n.member_id is null
                        """).param("id", id).query(String.class).list())
                .singleElement().asString().startsWith("supervisor SLA_AT_RISK 临期督办：申请" + id).contains("2026-10-16");

        require(api.decide(TestAgencies.auditor(agency), id, "APPROVE", null), 200);
        EngineTime.set("2026-10-19T09:00:00+08:00");
        Jobs.runDue(management, process);
        assertThat(escalations(id)).containsExactly("AT_RISK", "BREACHED");
        claim = claim(id);
        assertThat(claim.get("slaState").asText()).isEqualTo("BREACHED");
        assertThat(claim.get("slaWorkingDaysOverdue").asInt()).isEqualTo(1);
        JsonNode listed = breachedRow(id);
        assertThat(listed.get("stage").asText()).isEqualTo("LEAGUE_AUDIT");
        assertThat(listed.get("holderGroup").asText()).isEqualTo("league-auditor");
        assertThat(listed.get("workingDaysOverdue").asInt()).isEqualTo(1);
        assertThat(listed.get("memberIdNumberMasked").asText()).contains("****");
        assertThat(listed.get("processInstanceId").asText()).isEqualTo(process);
        tasks.claim(tasks.createTaskQuery().processInstanceId(process).singleResult().getId(), "league");
        assertThat(breachedRow(id).get("holderUser").asText()).isEqualTo("league");

        require(api.decide("league", id, "APPROVE", null), 200);
        Jobs.runDue(management, process);
        claim = claim(id);
        assertThat(claim.get("status").asText()).isEqualTo("PAID");
        assertThat(claim.get("slaState").asText()).isEqualTo("BREACHED");
        assertThat(stages(claim)).containsExactly("AGENCY_CHECK 8/3 true", "LEAGUE_AUDIT 3/4 false", "PAYOUT 0/3 false");
        assertThat(escalations(id)).containsExactly("AT_RISK", "BREACHED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).isZero();
        assertThat(paidFigures(id)).isEqualTo("11 false");

        outbox.dispatch();
        assertThat(jdbc.sql("""
                        select n.kind || ' ' || n.state || ' ' || n.sender || ' ' || n.sent_to from notification n
                        where n.claim_id = :id and n.member_id is null order by n.id
                        """).param("id", id).query(String.class).list())
                .containsExactly("SLA_AT_RISK SENT mailbox supervisor", "SLA_BREACHED SENT mailbox supervisor");
    }

    @Test
    void aClaimPaidInTimeRaisesNothing() {
        EngineTime.set("2026-09-28T09:00:00+08:00");
        long id = submit(true);
        String process = processOf(id);
        require(api.decide(TestAgencies.auditor(agency), id, "APPROVE", null), 200);
        EngineTime.set("2026-09-29T15:00:00+08:00");
        require(api.decide("league", id, "APPROVE", null), 200);
        Jobs.runDue(management, process);
        JsonNode claim = claim(id);
        assertThat(claim.get("status").asText()).isEqualTo("PAID");
        assertThat(claim.get("slaState").asText()).isEqualTo("MET");
        assertThat(claim.get("urgent").asBoolean()).isFalse();
        assertThat(paidFigures(id)).isEqualTo("1 true");

        EngineTime.set("2026-11-30T09:00:00+08:00");
        Jobs.runDue(management, process);
        assertThat(escalations(id)).isEmpty();
        assertThat(management.createJobQuery().processInstanceId(process).count()).isZero();
        assertThat(claim(id).get("slaState").asText()).isEqualTo("MET");
    }

    @Test
    void aClaimWaitingForSupplementsDoesNotBreachAndItsClockStartsWhenTheyArrive() {
        EngineTime.set("2026-09-28T09:00:00+08:00");
        long id = submit(false);
        String process = processOf(id);
        assertThat(management.createJobQuery().processInstanceId(process).timers().count()).isZero();

        EngineTime.set("2026-10-28T10:00:00+08:00");
        Jobs.runDue(management, process);
        JsonNode waiting = claim(id);
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_SUPPLEMENTS");
        assertThat(waiting.get("slaState").asText()).isEqualTo("NOT_STARTED");
        assertThat(waiting.get("slaDueDate").isNull()).isTrue();
        assertThat(escalations(id)).isEmpty();

        require(api.post("admin", "/api/claims/" + id + "/supplements",
                Map.of("documents", List.of("DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT", "BANK_CARD"))), 200);
        JsonNode started = claim(id);
        assertThat(started.get("slaDueDate").asText()).isEqualTo("2026-11-11");
        assertThat(started.get("slaWorkingDaysLeft").asInt()).isEqualTo(10);
        assertThat(timer(process, "SlaBreached")).isEqualTo("2026-11-12T00:00+08:00");
    }

    @Test
    void publishingACalendarMovesTheDeadlinesAndTimersOfRunningClaims() {
        EngineTime.set("2030-12-20T10:00:00+08:00");
        // the test members' enrolment ends on 15 Oct 2030
        long id = submit(true, LocalDate.of(2030, 10, 1));
        String process = processOf(id);
        // 2030 and 2031 have no calendar: Monday to Friday, so 1 Jan 2031 counts
        assertThat(claim(id).get("slaDueDate").asText()).isEqualTo("2031-01-03");
        assertThat(timer(process, "SlaAtRisk")).isEqualTo("2031-01-01T00:00+08:00");
        assertThat(deadlineOnTask(process)).isEqualTo("""
                {"dueDate":"2031-01-03","workingDays":["2030-12-23","2030-12-24","2030-12-25","2030-12-26",\
                "2030-12-27","2030-12-30","2030-12-31","2031-01-01","2031-01-02","2031-01-03"]}""");

        // a file of the public holiday-cn dataset is taken as it is; its other fields are ignored
        JsonNode published = require(api.exchange("admin", HttpMethod.PUT, "/api/calendar/2031", Map.of(
                "year", 2031, "papers", List.of("https://www.gov.cn/"),
                "notice", "国务院办公厅关于2031年部分节假日安排的通知",
                "days", List.of(Map.of("name", "元旦", "date", "2031-01-01", "isOffDay", true)))), 200).body();
        assertThat(published.get("version").asInt()).isEqualTo(1);
        assertThat(published.get("publishedBy").asText()).isEqualTo("admin");
        assertThat(published.get("runningClaimsRescheduled").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(claim(id).get("slaDueDate").asText()).isEqualTo("2031-01-06");
        assertThat(timer(process, "SlaAtRisk")).isEqualTo("2031-01-02T00:00+08:00");
        assertThat(timer(process, "SlaBreached")).isEqualTo("2031-01-07T00:00+08:00");
        assertThat(tasks.createTaskQuery().processInstanceId(process).singleResult().getDueDate())
                .isEqualTo(EngineTime.date("2031-01-07T00:00:00+08:00"));
        assertThat(deadlineOnTask(process)).isEqualTo("""
                {"dueDate":"2031-01-06","workingDays":["2030-12-23","2030-12-24","2030-12-25","2030-12-26",\
                "2030-12-27","2030-12-30","2030-12-31","2031-01-02","2031-01-03","2031-01-06"]}""");
        assertThat(require(api.get("clerk", "/api/calendar/due-date?from=2030-12-31&workingDays=1"), 200).body()
                .get("dueDate").asText()).isEqualTo("2031-01-02");
    }

    /** A claim at the test's agency, its stay ending some weeks before the engine's today. */
    private long submit(boolean allPapers) {
        return submit(allPapers, EngineTime.today().minusDays(30));
    }

    private long submit(boolean allPapers, LocalDate admission) {
        return TestClaims.submit(api, agency, admission,
                allPapers ? ClaimRequests.ALL_DOCUMENTS : List.of("INVOICE", "EXPENSE_LIST", "ID_CARD"));
    }

    private JsonNode claim(long id) {
        return require(api.get("supervisor", "/api/claims/" + id), 200).body();
    }

    private String processOf(long claimId) {
        return TestClaims.processOf(jdbc, claimId);
    }

    private String timer(String process, String timerId) {
        Date due = management.createJobQuery().processInstanceId(process).activityId(timerId).singleResult().getDuedate();
        return due.toInstant().atZone(Beijing.ZONE).toOffsetDateTime().toString();
    }

    private List<String> escalations(long claimId) {
        return jdbc.sql("select kind from sla_escalation where claim_id = :id order by id").param("id", claimId)
                .query(String.class).list();
    }

    private String paidFigures(long claimId) {
        return jdbc.sql("select working_days_to_pay || ' ' || paid_in_time from claim_sla where claim_id = :id")
                .param("id", claimId).query(String.class).single();
    }

    private String deadlineOnTask(String process) {
        return (String) tasks.getVariableLocal(tasks.createTaskQuery().processInstanceId(process).singleResult().getId(),
                DeadlineOnTask.VARIABLE);
    }

    private JsonNode breachedRow(long claimId) {
        for (JsonNode row : require(api.get("supervisor", "/api/sla/claims?state=BREACHED&limit=500"), 200).body()) {
            if (row.get("claimId").asLong() == claimId) {
                return row;
            }
        }
        throw new AssertionError("claim " + claimId + " is not listed as breached");
    }

    private static List<String> stages(JsonNode claim) {
        return StreamSupport.stream(claim.get("slaStages").spliterator(), false)
                .map(s -> s.get("stage").asText() + " " + s.get("workingDaysUsed").asInt() + "/" + s.get("budget").asInt()
                        + " " + s.get("overBudget").asBoolean())
                .toList();
    }
}
