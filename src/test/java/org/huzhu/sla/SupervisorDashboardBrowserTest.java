package org.huzhu.sla;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The supervisors' dashboard in a real headless Chromium (Debian's), driven by Playwright from
 * node against the running app: src/test/browser/sla-dashboard.cjs. Needs chromium, node and
 * {@code npm ci --prefix .ci}; without them it fails and says what is missing.
 */
@HuzhuIntegrationTest
class SupervisorDashboardBrowserTest {

    private static final Path SCREENSHOT = Path.of("target/sla-dashboard.png");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    @AfterEach
    void realTime() {
        EngineTime.reset();
    }

    @Test
    void supervisorsSeeBreachedAndAtRiskClaimsAndTheChartsInTheBrowser() throws Exception {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);

        EngineTime.set("2026-09-14T09:00:00+08:00");
        long breached = submit(api, agency);
        EngineTime.set("2026-09-28T09:00:00+08:00");
        long atRisk = submit(api, agency);
        long paid = submit(api, agency);
        require(api.decide(TestAgencies.auditor(agency), paid, "APPROVE", null), 200);
        require(api.decide("league", paid, "APPROVE", null), 200);
        EngineTime.set("2026-09-29T10:00:00+08:00");
        Jobs.runDue(management, processOf(paid));
        // 15 Oct: 14 Sep + 10 working days was 28 Sep; 28 Sep + 10 is 16 Oct
        EngineTime.set("2026-10-15T10:00:00+08:00");
        Jobs.runDue(management, processOf(breached));
        Jobs.runDue(management, processOf(atRisk));

        // a workbench page: signed in at /login, supervisors only
        assertThat(WorkbenchSession.anonymous(port).get("/sla/index.html").location()).endsWith("/login");
        assertThat(WorkbenchSession.signIn(port, "clerk").get("/sla/index.html").status()).isEqualTo(403);
        WorkbenchSession.Page page = WorkbenchSession.signIn(port, "supervisor").get("/sla/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("支付时限督办");

        Files.deleteIfExists(SCREENSHOT);
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "BASE_URL", "http://localhost:" + port,
                "HUZHU_USER", "supervisor", "HUZHU_PASSWORD", "demo",
                "AGENCY", agency, "PAID_MONTH", "2026-09", "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));
        environment.putAll(Map.of(
                "BREACHED_CLAIM", Long.toString(breached), "BREACHED_PROCESS", processOf(breached),
                "BREACHED_OVERDUE", "9", "AT_RISK_CLAIM", Long.toString(atRisk), "AT_RISK_LEFT", "1"));
        String output = BrowserScript.run("sla-dashboard.cjs", environment);
        assertThat(output).contains("dashboard ok");
        assertThat(SCREENSHOT).isNotEmptyFile();
    }

    private static long submit(Api api, String agency) {
        return TestClaims.submit(api, agency, LocalDate.of(2026, 9, 1));
    }

    private String processOf(long claimId) {
        return TestClaims.processOf(jdbc, claimId);
    }
}
