package org.huzhu.inbox.web;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;
import static org.huzhu.support.BrowserScript.line;

/**
 * A supervisor opens a breached claim from the dashboard and hands its agency check, held by an
 * auditor who is away, to a colleague, in a real headless Chromium
 * (src/test/browser/workbench-claim-reassign.cjs).
 */
@HuzhuIntegrationTest
class SupervisorReassignBrowserTest {

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
    void aSupervisorOpensABreachedClaimFromTheDashboardAndHandsItOver() throws Exception {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        String colleague = "colleague-" + agency.toLowerCase();
        identities.ensureUser(colleague, "代办点同事", agency, "demo",
                List.of(Role.AGENCY_AUDITOR.groupId(), Role.AGENCY_AUDITOR.atAgency(agency)));
        // handed in on 14 Sep, due 28 Sep (ten working days): breached by 15 Oct, nine working days over
        EngineTime.set("2026-09-14T09:00:00+08:00");
        long claim = TestClaims.submit(api, agency, LocalDate.of(2026, 9, 1));
        String task = jdbc.sql("select task_id from work_item where claim_id = :claim").param("claim", claim)
                .query(String.class).single();
        require(api.post(TestAgencies.auditor(agency), "/api/tasks/" + task + "/claim", null), 204);
        EngineTime.set("2026-10-15T10:00:00+08:00");
        Jobs.runDue(management, TestClaims.processOf(jdbc, claim));

        String output = BrowserScript.run("workbench-claim-reassign.cjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "CLAIM", Long.toString(claim),
                "COLLEAGUE", colleague, "COLLEAGUE_NAME", "代办点同事" + agency,
                "SCREENSHOTS", Path.of("target").toAbsolutePath().toString()));

        assertThat(output).contains("reassigned from the claim page");
        assertThat(line(output, "deadline: ")).contains("已超期", "2026-09-28", "已超期 9 个工作日");
        assertThat(line(output, "task: ")).contains("代办点审核", "由 审核员" + agency + " 办理");
        assertThat(line(output, "hand over to: ")).isEqualTo("hand over to: 请选择接手人|代办点同事" + agency);
        assertThat(line(output, "field error: ")).isEqualTo("field error: 请填写改派原因");
        assertThat(line(output, "notice: ")).isEqualTo("notice: 已改派给 代办点同事" + agency + "。");
        assertThat(line(output, "task after: ")).contains("由 代办点同事" + agency + " 办理");
        assertThat(line(output, "trail: ")).contains("督办（演示） 改派任务");

        assertThat(jdbc.sql("select assignee from work_item where task_id = :task").param("task", task)
                .query(String.class).single()).isEqualTo(colleague);
        assertThat(jdbc.sql("select actor || ' ' || reason from audit_event where subject_id = :task and action = 'TASK_REASSIGNED'")
                .param("task", task).query(String.class).list())
                .containsExactly("supervisor 原处理人：" + TestAgencies.auditor(agency) + "；改派给：" + colleague
                        + "；原因：原审核员休假，超期件改派");
    }
}
