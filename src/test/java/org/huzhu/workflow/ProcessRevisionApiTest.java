package org.huzhu.workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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

    Api api;
    String shipped;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(rest);
        shipped = Files.readString(Path.of("processes/claim-lifecycle.bpmn"), StandardCharsets.UTF_8);
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

    record Answer(int status, JsonNode body) {
    }

    private Answer upload(String user, String comment, Map<String, String> files) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        parts.add("comment", new HttpEntity<>(comment, text));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.postForEntity("/api/admin/deployments", new HttpEntity<>(parts, headers), String.class);
        return new Answer(response.getStatusCode().value(), new ObjectMapper().readTree(response.getBody()));
    }

    private String processOf(long claimId) {
        return jdbc.sql("select process_instance_id from claim where id = :id").param("id", claimId).query(String.class).single();
    }
}
