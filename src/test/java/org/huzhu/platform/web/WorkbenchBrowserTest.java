package org.huzhu.platform.web;

import java.nio.file.Path;
import java.util.Map;

import org.huzhu.reporting.SupervisorReports;
import org.huzhu.sla.SlaOverview;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.BrowserScript.line;

/** A supervisor signs in to the workbench in a real headless Chromium, typing, and signs out. */
@HuzhuIntegrationTest
class WorkbenchBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    SupervisorReports reports;

    @Test
    void aSupervisorSignsInSeesTheirCountsOpensTheDashboardAndSignsOut() throws Exception {
        SlaOverview overview = reports.overview();
        String output = BrowserScript.run("workbench-sign-in.cjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "HUZHU_USER", "supervisor", "HUZHU_PASSWORD", "demo",
                "LOGIN_SCREENSHOT", Path.of("target/workbench-login.png").toAbsolutePath().toString(),
                "HOME_SCREENSHOT", Path.of("target/workbench-home-supervisor.png").toAbsolutePath().toString(),
                "TASKLIST_SCREENSHOT", Path.of("target/workbench-tasklist-single-sign-in.png").toAbsolutePath().toString()));
        assertThat(output).contains("name: 督办", "dashboard title: 支付时限督办", "signed out");
        assertThat(line(output, "tasklist user: ")).contains("督办");
        assertThat(line(output, "menu: ")).contains("支付时限督办");
        assertThat(line(output, "figures: ")).contains(overview.open().atRisk() + " 临期",
                overview.open().breached() + " 已超期");
    }
}
