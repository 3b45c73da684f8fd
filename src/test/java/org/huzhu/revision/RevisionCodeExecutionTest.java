package org.huzhu.revision;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.revision.RevisionUploads.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The penetration test's code-execution payloads, through the checked upload, the dry run and
 * straight into the engine: each is refused, nothing is deployed and no marker file appears.
 */
@HuzhuIntegrationTest
class RevisionCodeExecutionTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    DecisionService decisions;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;
    Path marker;
    String payload;
    RevisionUploads uploads;
    final List<String> directDeployments = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        marker = dir.resolve("marker");
        payload = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + marker + "')}";
        uploads = new RevisionUploads(rest);
    }

    @AfterEach
    void removeDirectDeployments() {
        directDeployments.forEach(id -> repository.deleteDeployment(id, true));
        identity.clearAuthentication();
    }

    @Test
    void aServiceTaskExpressionADelegateExpressionAndAClassAreRefusedWithEveryReason() throws Exception {
        String batch = shipped("processes/payment-batch.bpmn");
        long deployments = repository.createDeploymentQuery().count();
        List<Map.Entry<String, String>> attacks = List.of(
                Map.entry("CODE_HOOK_NOT_ALLOWED", batch.replace("camunda:delegateExpression=\"${collectPayments}\"",
                        "camunda:expression=\"" + payload + "\"")),
                Map.entry("DELEGATE_EXPRESSION_NOT_ALLOWED", batch.replace("${collectPayments}", payload)),
                Map.entry("CODE_HOOK_NOT_ALLOWED", batch.replace("camunda:delegateExpression=\"${collectPayments}\"",
                        "camunda:class=\"java.lang.Runtime\"")));
        for (Map.Entry<String, String> attack : attacks) {
            Answer answer = uploads.upload("admin", "换个写法", Map.of("payment-batch.bpmn", attack.getValue()));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
            assertThat(answer.body().toString()).contains(attack.getKey(), "CollectPayments");
        }

        String everything = batch.replace("camunda:delegateExpression=\"${collectPayments}\"", "camunda:class=\"java.lang.Runtime\"")
                .replace("${sendBatches}", payload)
                .replace("${paymentBatches.cycle()}", "${execution.processEngineServices}")
                .replace("<bpmn:endEvent id=\"BatchDone\" name=\"本轮完成\">", "<bpmn:endEvent id=\"BatchDone\" name=\"本轮完成\">"
                        + "<bpmn:extensionElements><camunda:executionListener event=\"start\">"
                        + "<camunda:script scriptFormat=\"javascript\">java.lang.Runtime.getRuntime()</camunda:script>"
                        + "</camunda:executionListener></bpmn:extensionElements>");
        Answer all = uploads.upload("admin", "全部一起", Map.of("payment-batch.bpmn", everything));
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.body().get("type").asText()).isNotBlank();
        assertThat(all.body().toString()).contains("CODE_HOOK_NOT_ALLOWED", "DELEGATE_EXPRESSION_NOT_ALLOWED",
                "EXPRESSION_NOT_ALLOWED", "不允许读取属性", "LISTENER_NOT_A_BEAN", "SCRIPT_NOT_ALLOWED", "BatchDone");
        Answer entity = uploads.upload("admin", "外部实体", Map.of("payment-batch.bpmn", batch.replaceFirst("\\?>",
                "?><!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")));
        assertThat(entity.body().toString()).contains("UNSAFE_XML");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(marker).doesNotExist();
    }

    @Test
    void theDryRunEvaluatesNoUploadedCondition() throws Exception {
        ClaimDriver claims = new ClaimDriver(new Api(rest), taskService, management, jdbc);
        long claim = claims.submit(new Api(rest).enrolledMember(), "3000.00");
        claims.decide("agency", claim, "AgencyCheck", "APPROVE");
        long deployments = repository.createDeploymentQuery().count();

        Answer answer = uploads.dryRun("admin", Map.of("claim-lifecycle.bpmn",
                shipped("processes/claim-lifecycle.bpmn").replace("${secondAudit}", payload)), "5");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("EXPRESSION_NOT_ALLOWED", "getClass");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aJuelDecisionIsRefusedOnDryRunAndDeployWithoutBeingEvaluated() throws Exception {
        String juel = shipped("processes/approval-routing.dmn").replace(
                "<inputExpression id=\"InputExpression_Subsidy\" typeRef=\"double\">\n          <text>subsidy</text>",
                "<inputExpression id=\"InputExpression_Subsidy\" typeRef=\"double\" expressionLanguage=\"juel\">\n"
                        + "          <text>" + payload + "</text>");
        assertThat(juel).contains("juel");
        long deployments = repository.createDeploymentQuery().count();

        for (Answer answer : List.of(uploads.dryRun("admin", Map.of("approval-routing.dmn", juel), "5"),
                uploads.upload("admin", "按 JUEL 路由", Map.of("approval-routing.dmn", juel)))) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
            assertThat(answer.body().toString()).contains("DMN_EXPRESSION_LANGUAGE_NOT_ALLOWED", "juel");
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(marker).doesNotExist();
    }

    @Test
    void feelExternalFunctionsAreRefusedByTheChecksAndOffInTheEngine() throws Exception {
        String external = "{f: function(p, s) external {java: {class: \"java.io.File\", "
                + "method signature: \"createTempFile(java.lang.String, java.lang.String)\"}}, r: f(\"huzhu-\", \".marker\")}.r";
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="ExternalDefinitions" name="外部函数" namespace="http://huzhu.org/dmn">
                  <decision id="external-call" name="外部函数" camunda:historyTimeToLive="1">
                    <variable id="ExternalResult" name="result" />
                    <literalExpression id="ExternalCall"><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(external.replace("\"", "&quot;"));
        Answer answer = uploads.upload("admin", "外部函数", Map.of("external.dmn", dmn));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().toString()).contains("DMN_EXTERNAL_FUNCTION_NOT_ALLOWED");

        deployDirectly("external.dmn", dmn);
        assertThatThrownBy(() -> decisions.evaluateDecisionByKey("external-call").evaluate())
                .hasStackTraceContaining("External functions are disabled");
    }

    @Test
    void theEngineRefusesThePayloadsDeployedPastTheChecks() {
        BpmnModelInstance expression = Bpmn.createExecutableProcess("attack-expression").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Attack").camundaExpression(payload).endEvent().done();
        BpmnModelInstance condition = Bpmn.createExecutableProcess("attack-condition").camundaHistoryTimeToLive(1)
                .startEvent().exclusiveGateway("Choose").condition("attack", payload).endEvent("Attacked")
                .moveToLastGateway().condition("otherwise", "${true}").endEvent("Safe").done();
        BpmnModelInstance timer = Bpmn.createExecutableProcess("attack-due-date").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Wait").camundaDueDate(payload).endEvent().done();
        BpmnModelInstance script = Bpmn.createExecutableProcess("attack-script").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask("Script").scriptFormat("juel").scriptText(payload).endEvent().done();
        for (BpmnModelInstance process : List.of(expression, condition, timer, script)) {
            String key = process.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
            directDeployments.add(repository.createDeployment().name("attack").addModelInstance(key + ".bpmn", process)
                    .deploy().getId());
            assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key)).as(key).isInstanceOf(RuntimeException.class);
            assertThat(marker).as(key).doesNotExist();
        }

        deployDirectly("juel.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="JuelDefinitions" name="JUEL" namespace="http://huzhu.org/dmn">
                  <decision id="juel-call" name="JUEL" camunda:historyTimeToLive="1">
                    <variable id="JuelResult" name="result" />
                    <literalExpression id="JuelCall" expressionLanguage="juel"><text>%s</text></literalExpression>
                  </decision>
                </definitions>
                """.formatted(payload));
        assertThatThrownBy(() -> decisions.evaluateDecisionByKey("juel-call").evaluate());
        assertThat(marker).doesNotExist();
    }

    @Test
    void tasklistFiltersStillFindTheAuditorsWorkThroughTheSandbox() {
        Api api = new Api(rest);
        ClaimDriver claims = new ClaimDriver(api, taskService, management, jdbc);
        long claim = claims.submit(api.enrolledMember(), "3000.00");
        String process = claims.processOf(claim);
        Filter groupWork = filters.createFilterQuery().filterName("待审核申请").singleResult();
        Filter mine = filters.createFilterQuery().filterName("我的任务").singleResult();

        List<String> groups = identity.createGroupQuery().groupMember("agency").list().stream().map(Group::getId).toList();
        identity.setAuthentication("agency", groups);
        assertThat(filters.<Task>listPage(groupWork.getId(), 0, 1000)).extracting(Task::getProcessInstanceId).contains(process);
        Task task = taskService.createTaskQuery().processInstanceId(process).singleResult();
        taskService.claim(task.getId(), "agency");
        assertThat(filters.<Task>list(mine.getId())).extracting(Task::getProcessInstanceId).contains(process);
        identity.clearAuthentication();

        // A stored filter carrying the payload, saved past any check, is refused when it is listed.
        Filter attack = filters.saveFilter(filters.newTaskFilter("attack-" + UUID.randomUUID())
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression(payload)));
        try {
            assertThatThrownBy(() -> filters.list(attack.getId()));
        } finally {
            filters.deleteFilter(attack.getId());
        }
        assertThatThrownBy(() -> taskService.createTaskQuery().taskAssigneeExpression(payload).list());
        assertThat(marker).doesNotExist();
    }

    @Test
    void theShippedProcessesDecisionsAndFormsPassTheChecks() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        for (String folder : List.of("processes", "forms")) {
            try (var shipped = Files.list(Path.of(folder))) {
                for (Path file : shipped.sorted().toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(files).containsKeys("claim-lifecycle.bpmn", "payment-batch.bpmn", "bank-results.bpmn",
                "approval-routing.dmn", "agency-check.form");
        Answer answer = uploads.dryRun("admin", files, "5");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private void deployDirectly(String name, String content) {
        Deployment deployment = repository.createDeployment().name("attack")
                .addInputStream(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).deploy();
        directDeployments.add(deployment.getId());
    }

    private static String shipped(String path) throws Exception {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }
}
