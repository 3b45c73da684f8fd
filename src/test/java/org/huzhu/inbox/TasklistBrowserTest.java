package org.huzhu.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final Path SCREENSHOT = Path.of("target/tasklist-agency-check.png");
    private static final Path MARKUP_SCREENSHOT = Path.of("target/tasklist-claim-view-markup.png");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theAgencyAuditorSeesOnlyTheirAgencyAndCompletesTheCheckInTasklist() throws Exception {
        Api api = new Api(rest);
        String ownMember = "浏览器甲" + TestIds.code("m");
        long own = submitFor(api, "DEMO-A", ownMember);
        long other = submitFor(api, "DEMO-B", "浏览器乙" + TestIds.code("m"));
        String task = api.taskOf("agency", own);

        Files.deleteIfExists(SCREENSHOT);
        String output = BrowserScript.run("tasklist-agency-check.cjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "HUZHU_USER", "agency", "HUZHU_PASSWORD", "demo",
                "TASK_ID", task, "MEMBER_NAME", ownMember, "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));

        String listed = output.lines().filter(l -> l.startsWith("listed agencies: ")).findFirst().orElseThrow();
        assertThat(listed).contains("DEMO-A").doesNotContain("DEMO-B");
        assertThat(output).contains("agency check completed in tasklist");
        assertThat(SCREENSHOT).isNotEmptyFile();

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
                "SCREENSHOT", MARKUP_SCREENSHOT.toAbsolutePath().toString()));

        assertThat(output).contains("signed in with real input").contains("claim view shows typed markup as text");
        assertThat(MARKUP_SCREENSHOT).isNotEmptyFile();
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
