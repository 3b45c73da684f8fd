package org.huzhu.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huzhu.sla.ClaimClocks;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** An agency auditor works a claim in Camunda Tasklist, in a real headless Chromium. */
@HuzhuIntegrationTest
class TasklistBrowserTest {

    private static final Path LOGIN_SCREENSHOT = Path.of("target/tasklist-login.png");
    private static final Path LIST_SCREENSHOT = Path.of("target/tasklist-task-list.png");
    private static final Path SCREENSHOT = Path.of("target/tasklist-agency-check.png");
    private static final Path MARKUP_SCREENSHOT = Path.of("target/tasklist-claim-view-markup.png");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ClaimClocks clocks;

    /**
     * In a browser that asks for English: Chinese login page and labels, no Camunda 8 notice, only
     * the agency's claims, the card's payment deadline as the API counts it, the check claimed and
     * completed from the form.
     */
    @Test
    void theAgencyAuditorWorksTheCheckInChineseTasklistSeeingOnlyTheirAgencyAndTheDeadline() throws Exception {
        Api api = new Api(rest);
        String ownMember = "浏览器甲" + TestIds.code("m");
        long own = submitFor(api, "DEMO-A", ownMember);
        long other = submitFor(api, "DEMO-B", "浏览器乙" + TestIds.code("m"));
        JsonNode row = api.taskRowOf("agency", own);
        String task = row.get("taskId").asText();
        // the engine's due date is the payment deadline: the end of the claim's due date
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getDueDate().toInstant())
                .isEqualTo(clocks.find(own).orElseThrow().dueAt());

        for (Path screenshot : List.of(LOGIN_SCREENSHOT, LIST_SCREENSHOT, SCREENSHOT)) {
            Files.deleteIfExists(screenshot);
        }
        String output = BrowserScript.run("tasklist-agency-check.cjs", Map.ofEntries(
                Map.entry("BASE_URL", "http://localhost:" + port), Map.entry("HUZHU_USER", "agency"),
                Map.entry("HUZHU_PASSWORD", "demo"), Map.entry("TASK_ID", task), Map.entry("MEMBER_NAME", ownMember),
                Map.entry("DUE_DATE", row.get("slaDueDate").asText()),
                Map.entry("WORKING_DAYS_LEFT", row.get("slaWorkingDaysLeft").asText()),
                Map.entry("NOW", now()),
                Map.entry("LOGIN_SCREENSHOT", LOGIN_SCREENSHOT.toAbsolutePath().toString()),
                Map.entry("LIST_SCREENSHOT", LIST_SCREENSHOT.toAbsolutePath().toString()),
                Map.entry("SCREENSHOT", SCREENSHOT.toAbsolutePath().toString())));

        String listed = output.lines().filter(l -> l.startsWith("listed agencies: ")).findFirst().orElseThrow();
        assertThat(listed).contains("DEMO-A").doesNotContain("DEMO-B");
        assertThat(output).contains("card deadline: 支付时限 " + row.get("slaDueDate").asText() + "，剩余"
                + row.get("slaWorkingDaysLeft").asInt() + "个工作日").contains("agency check completed in tasklist");
        assertThat(List.of(LOGIN_SCREENSHOT, LIST_SCREENSHOT, SCREENSHOT)).allSatisfy(p -> assertThat(p).isNotEmptyFile());

        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task).singleResult();
        assertThat(done.getAssignee()).isEqualTo("agency");
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(tasks.createTaskQuery().taskId(task).count()).isZero();

        JsonNode claim = require(api.get("agency", "/api/claims/" + own), 200).body();
        assertThat(claim.get("status").asText()).isEqualTo("LEAGUE_AUDIT");
        List<String> decisions = new ArrayList<>();
        claim.get("history").forEach(h -> decisions.add(h.get("step").asText() + ":" + h.get("actor").asText()
                + ":" + h.get("reason").asText()));
        assertThat(decisions).anyMatch(d -> d.startsWith("AGENCY_CHECK:agency:材料齐全"));
        assertThat(require(api.get("agency-b", "/api/claims/" + other), 200).body().get("status").asText())
                .isEqualTo("AGENCY_CHECK");
    }

    /**
     * What a clerk typed shows as typed in Tasklist's claim view, markup and all; none of it
     * becomes an element, a link or a script.
     */
    @Test
    void typedMarkupInAClaimShowsAsTextInTasklist() throws Exception {
        Api api = new Api(rest);
        String name = "<svg onload=\"window.__xss='name'\">王*五*" + TestIds.code("m").replace("-", "");
        String hospital = "<img src=x onerror=\"window.__xss='hospital'\">安阳&amp;人民医院";
        String diagnosis = "[点我](javascript:window.__xss='diagnosis') **肺炎** <script>window.__xss='script'</script>";
        long claim = submitFor(api, "DEMO-A", name, Map.of("hospital", hospital, "diagnosis", diagnosis));
        String task = api.taskOf("agency", claim);

        Files.deleteIfExists(MARKUP_SCREENSHOT);
        String output = BrowserScript.run("tasklist-claim-view-markup.cjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "HUZHU_USER", "agency", "HUZHU_PASSWORD", "demo",
                "TASK_ID", task, "LITERALS", new ObjectMapper().writeValueAsString(List.of(hospital, diagnosis, name)),
                "NOW", now(), "SCREENSHOT", MARKUP_SCREENSHOT.toAbsolutePath().toString()));

        assertThat(output).contains("signed in with real input").contains("claim view shows typed markup as text");
        assertThat(MARKUP_SCREENSHOT).isNotEmptyFile();
    }

    /** The server's time (the test clock) for the browser's clock. */
    private static String now() {
        return String.valueOf(ClockUtil.getCurrentTime().getTime());
    }

    private static long submitFor(Api api, String agency, String memberName) {
        return submitFor(api, agency, memberName, Map.of());
    }

    private static long submitFor(Api api, String agency, String memberName, Map<String, Object> changes) {
        String unit = TestIds.code("U");
        require(api.post("admin", "/api/units", Map.of("code", unit, "name", "浏览器测试单位", "agencyCode", agency)), 201);
        String idNumber = TestIds.idNumber();
        require(api.post("admin", "/api/members", Map.of("idNumber", idNumber, "name", memberName, "unitCode", unit,
                "insuranceType", "EMPLOYEE")), 201);
        require(api.post("admin", "/api/enrolments", Map.of("memberIdNumber", idNumber, "scheme", "INPATIENT",
                "validFrom", "2019-10-16", "validTo", "2030-10-15")), 201);
        Map<String, Object> claim = ClaimRequests.claim(idNumber, "3000.00");
        claim.putAll(changes);
        return require(api.post("admin", "/api/claims", claim), 201).body().get("id").asLong();
    }
}
