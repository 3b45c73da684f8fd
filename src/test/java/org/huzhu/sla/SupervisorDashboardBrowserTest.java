package org.huzhu.sla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.huzhu.membership.Organisations;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.huzhu.support.Api.require;

/**
 * The supervisors' dashboard in a real headless Chromium (Debian's), driven by Playwright from
 * node against the running app: src/test/browser/sla-dashboard.cjs. Needs chromium, node and
 * {@code npm ci --prefix .ci}; without them it fails and says what is missing.
 */
@HuzhuIntegrationTest
class SupervisorDashboardBrowserTest {

    private static final Path SCRIPT = Path.of("src/test/browser/sla-dashboard.cjs");
    private static final Path NODE_MODULES = Path.of(".ci/node_modules");
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
    Organisations organisations;
    @Autowired
    IdentityBootstrap identities;

    @AfterEach
    void realTime() {
        EngineTime.reset();
    }

    @Test
    void supervisorsSeeBreachedAndAtRiskClaimsAndTheChartsInTheBrowser() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed at " + chromium + " for the dashboard test: apt-get install -y chromium");
        }
        if (!Files.isDirectory(NODE_MODULES.resolve("playwright-core"))) {
            fail("playwright-core is missing from .ci/node_modules: run npm ci --prefix .ci");
        }
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

        assertThat(api.get(null, "/sla/index.html").status()).isEqualTo(401);
        assertThat(api.get("clerk", "/sla/index.html").status()).isEqualTo(403);
        ResponseEntity<String> page = rest.withBasicAuth("supervisor", "demo").getForEntity("/sla/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("支付时限督办");

        Files.deleteIfExists(SCREENSHOT);
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        node.environment().putAll(Map.of(
                "NODE_PATH", NODE_MODULES.toAbsolutePath().toString(),
                "CHROMIUM", chromium.toString(),
                "BASE_URL", "http://localhost:" + port,
                "HUZHU_USER", "supervisor", "HUZHU_PASSWORD", "demo",
                "AGENCY", agency, "PAID_MONTH", "2026-09", "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));
        node.environment().putAll(Map.of(
                "BREACHED_CLAIM", Long.toString(breached), "BREACHED_PROCESS", processOf(breached),
                "BREACHED_OVERDUE", "9", "AT_RISK_CLAIM", Long.toString(atRisk), "AT_RISK_LEFT", "1"));
        Process run;
        try {
            run = node.start();
        } catch (IOException e) {
            throw new AssertionError("node is needed for the dashboard test (apt-get install -y nodejs): " + e.getMessage(), e);
        }
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            fail("the browser check did not finish in 120 s");
        }
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(output).isZero();
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
