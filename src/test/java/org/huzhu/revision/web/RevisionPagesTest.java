package org.huzhu.revision.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The process admins' revision pages over HTTP: failed checks at their file, the dry run, deploy once, roles and CSRF. */
@HuzhuIntegrationTest
class RevisionPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    RepositoryService repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    String shipped;
    String routing;
    Api api;
    ClaimDriver claims;

    @BeforeEach
    void setUp() throws Exception {
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        shipped = Files.readString(Path.of("processes/claim-lifecycle.bpmn"), StandardCharsets.UTF_8);
        routing = Files.readString(Path.of("processes/approval-routing.dmn"), StandardCharsets.UTF_8);
        api = new Api(rest);
        claims = new ClaimDriver(api, taskService, management, jdbc);
    }

    /** Claims past the agency's check, with subsidies 1,300, 5,300 and 10,300: the dry run's sample. */
    private void recentClaims() {
        for (String eligible : List.of("3000.00", "11000.00", "21000.00")) {
            claims.decide("agency", claims.submit(api.enrolledMember(), eligible), "AgencyCheck", "APPROVE");
        }
    }

    /** The shipped processes, decisions and forms are the latest versions again, as in ProcessRevisionApiTest. */
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
    void aBrokenUploadShowsEveryFailedCheckAtItsFileAndDeploysNothing() {
        long deployments = repository.createDeploymentQuery().count();
        WorkbenchSession padmin = WorkbenchSession.signIn(port, "padmin");
        Page overview = padmin.get("/revisions");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.menu()).contains("流程修订");
        assertThat(overview.text()).contains("上传修订", "修订记录", "流程版本", "claim-lifecycle");

        String broken = shipped.replace("${calculateSubsidy}", "${noSuchDelegate}")
                .replace("camunda:formRef=\"league-audit\"", "camunda:formRef=\"missing-form\"");
        Page refused = padmin.postFiles("/revisions/dry-run", Map.of("sample", "3"),
                Map.of("claim-lifecycle.bpmn", broken, "approval-routing.dmn", "<definitions>不是DMN"));
        assertThat(refused.status()).isEqualTo(400);
        Document html = refused.html();
        assertThat(html.select(".check-failures h3").eachText())
                .containsExactlyInAnyOrder("claim-lifecycle.bpmn", "approval-routing.dmn");
        String bpmnProblems = html.select(".revision-file:has(h3:containsOwn(claim-lifecycle.bpmn))").text();
        assertThat(bpmnProblems).contains("UNKNOWN_DELEGATE", "noSuchDelegate", "UNKNOWN_FORM", "引用的表单不存在：missing-form");
        assertThat(html.select(".revision-file:has(h3:containsOwn(approval-routing.dmn))").text())
                .contains("UNREADABLE_DMN", "DMN 无法解析");
        assertThat(html.select(".dry-run")).isEmpty();

        Page nothing = padmin.postFiles("/revisions/dry-run", Map.of("sample", "abc"), Map.of());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.html().select(".field.invalid:has(#sample) .error").text()).isEqualTo("样本数须是整数");
        assertThat(nothing.html().select("#sample").val()).isEqualTo("abc");
        Page noFiles = padmin.postFiles("/revisions/dry-run", Map.of("sample", "3"), Map.of());
        assertThat(noFiles.html().select(".field.invalid:has(#files) .error").text()).contains("请上传要试算的");

        assertThat(padmin.postFilesWithoutToken("/revisions/dry-run", Map.of("sample", "3"), "files",
                Map.of("approval-routing.dmn", routing)).status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aTriedDecisionIsDeployedOnceWithItsReasonAndOtherRolesAreKeptOut() {
        recentClaims();
        long deployments = repository.createDeploymentQuery().count();
        WorkbenchSession padmin = WorkbenchSession.signIn(port, "padmin");
        padmin.get("/revisions");
        String lower = routing.replace("<text>&gt;= 10000</text>", "<text>&gt;= 5000</text>");
        Page tried = padmin.postFiles("/revisions/dry-run", Map.of("sample", "3"), Map.of("approval-routing.dmn", lower));
        assertThat(tried.status()).as(tried.text()).isEqualTo(200);
        assertThat(tried.text()).contains("检查通过 · 试算结果", "approval-routing.dmn", "审批路径", "各审核组的任务量");
        assertThat(tried.html().select("table.dry-run-groups td").eachText()).contains("协会审核员");
        assertThat(tried.html().select("table.dry-run-paths meter.bar.candidate")).isNotEmpty();
        String staged = tried.html().select("input[name=staged]").val();

        Page noReason = padmin.post("/revisions/deploy", Map.of("staged", staged, "comment", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.html().select(".field.invalid:has(#comment) .error").text()).isEqualTo("请说明本次修订的原因");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        Page deployed = padmin.post("/revisions/deploy", Map.of("staged", staged, "comment", "补助5000元及以上须协会负责人审批"));
        assertThat(deployed.status()).isEqualTo(302);
        assertThat(deployed.location()).contains("/revisions?deployed=");
        Page again = padmin.post("/revisions/deploy", Map.of("staged", staged, "comment", "补助5000元及以上须协会负责人审批"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("这次上传已经部署或已失效");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        String deployment = deployed.location().substring(deployed.location().indexOf("deployed=") + "deployed=".length());
        assertThat(jdbc.sql("select deployed_by, comment, changes from process_revision where deployment_id = :id")
                .param("id", deployment).query((r, n) -> r.getString(1) + " " + r.getString(2) + " " + r.getString(3)).list())
                .containsExactly("padmin 补助5000元及以上须协会负责人审批 approval-routing 修改规则：Rule_LeagueHead");

        Page listed = padmin.get(deployed.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(listed.html().select(".notice").text()).contains("已部署修订", "修改规则：Rule_LeagueHead");
        assertThat(listed.html().select("table.revisions tbody tr").first().text())
                .contains("流程管理员", "补助5000元及以上须协会负责人审批").doesNotContain("padmin");

        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        assertThat(clerk.get("/revisions").status()).isEqualTo(403);
        assertThat(clerk.get("/").menu()).doesNotContain("流程修订");
        assertThat(clerk.postFiles("/revisions/dry-run", Map.of("sample", "3"), Map.of("approval-routing.dmn", lower))
                .status()).isEqualTo(403);
        assertThat(clerk.post("/revisions/deploy", Map.of("staged", staged, "comment", "x")).status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
    }

    @Test
    void aProcessAdminUploadsADecisionReadsTheDryRunDeploysAndMovesAClaimInTheBrowser() throws Exception {
        long waiting = claims.submit(api.enrolledMember(), "21000.00"); // waits at the agency's check
        recentClaims();
        String instance = jdbc.sql("select process_instance_id from claim where id = :id").param("id", waiting)
                .query(String.class).single();
        ProcessDefinition old = repository.getProcessDefinition(runtime.createProcessInstanceQuery()
                .processInstanceId(instance).singleResult().getProcessDefinitionId());
        Path dmn = Path.of("target/workbench-padmin-upload/approval-routing.dmn").toAbsolutePath();
        Files.createDirectories(dmn.getParent());
        Files.writeString(dmn, routing.replace("<text>&gt;= 10000</text>", "<text>&gt;= 5000</text>"), StandardCharsets.UTF_8);
        long deployments = repository.createDeploymentQuery().count();

        String output = BrowserScript.run("workbench-padmin-revision.cjs", Map.ofEntries(
                Map.entry("BASE_URL", "http://localhost:" + port), Map.entry("DMN_FILE", dmn.toString()),
                Map.entry("SAMPLE", "3"), Map.entry("COMMENT", "补助5000元及以上须协会负责人审批"),
                Map.entry("OLD_DEPLOYMENT", old.getDeploymentId()), Map.entry("INSTANCE", instance),
                Map.entry("CLAIM", Long.toString(waiting)),
                Map.entry("DRY_RUN_SCREENSHOT", screenshot("dry-run")), Map.entry("DEPLOYED_SCREENSHOT", screenshot("deployed")),
                Map.entry("MIGRATED_SCREENSHOT", screenshot("migrated"))));
        assertThat(output).contains("done");
        assertThat(line(output, "menu: ")).contains("流程修订");
        assertThat(line(output, "dry run: ")).contains("最近 3 件申请", "approval-routing.dmn");
        assertThat(line(output, "paths: ")).contains("协会审核 → 协会负责人审批");
        assertThat(line(output, "groups: ")).contains("协会负责人", "+100.0%");
        assertThat(line(output, "deployed: ")).contains("已部署修订", "approval-routing 修改规则：Rule_LeagueHead");
        assertThat(line(output, "latest revision: ")).contains("流程管理员", "补助5000元及以上须协会负责人审批");
        assertThat(line(output, "version: ")).isEqualTo("claim-lifecycle 第" + old.getVersion() + "版");
        assertThat(line(output, "running: ")).contains(Long.toString(waiting), "代办点审核");
        assertThat(line(output, "migration: ")).contains("已迁移 1 件", "未能迁移 0 件");

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 1);
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey("claim-lifecycle")
                .latestVersion().singleResult();
        assertThat(jdbc.sql("select deployed_by from process_revision where deployment_id = :id")
                .param("id", latest.getDeploymentId()).query(String.class).single()).isEqualTo("padmin");
        assertThat(new String(repository.getResourceAsStream(latest.getDeploymentId(), "processes/approval-routing.dmn")
                .readAllBytes(), StandardCharsets.UTF_8)).contains("&gt;= 5000");
        assertThat(jdbc.sql("select proc_def_id_ from act_ru_execution where id_ = :id").param("id", instance)
                .query(String.class).single()).isEqualTo(latest.getId());
    }

    private static String screenshot(String name) {
        return Path.of("target/workbench-padmin-" + name + ".png").toAbsolutePath().toString();
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output))
                .substring(prefix.length());
    }
}
