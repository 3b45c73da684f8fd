package org.huzhu.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.support.WebappSession;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Expressions sent to the engine's APIs are code (Camunda 7.24 CE evaluates one inside a task
 * query's orQueries although ad-hoc query expressions are off): refused for everyone, in every
 * spelling a client can use, and nothing runs.
 */
@HuzhuIntegrationTest
class EngineRequestExpressionsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;

    Api api;
    Path marker;
    String payload;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(rest);
        marker = Files.createTempDirectory("huzhu-expression").resolve("marker");
        payload = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
                + marker + "')";
    }

    @Test
    void theAgencyAuditorsTasklistSessionCannotRunAnExpressionInAnOrQuery() throws Exception {
        WebappSession tasklist = WebappSession.signIn(port, "agency", "tasklist");
        assertThat(tasklist.postJson("/camunda/api/engine/engine/default/task", "{}").status()).isEqualTo(200);

        for (String body : List.of(
                orQuery("${" + payload + "}"),
                orQuery("#{" + payload + "}"),
                // JSON escapes: \u0024 is $, \u0023 is #
                orQuery("\\u0024{" + payload + "}"),
                orQuery("\\u0023\\u007b" + payload + "}"),
                "{\"orQueries\":[{\"processVariables\":[{\"name\":\"claimId\",\"operator\":\"eq\",\"value\":\"${"
                        + payload + "}\"}]}]}",
                "{\"${" + payload + "}\":1}")) {
            refused(tasklist.postJson("/camunda/api/engine/engine/default/task", body), body);
        }
        refused(tasklist.get("/camunda/api/engine/engine/default/task?assigneeExpression="
                + URLEncoder.encode("${" + payload + "}", StandardCharsets.UTF_8)), "percent-encoded parameter");
        refused(tasklist.get("/camunda/api/engine/engine/default/task?active=true&name=%23%7B"
                + URLEncoder.encode(payload, StandardCharsets.UTF_8) + "%7D"), "percent-encoded #{ among other parameters");
        assertNoMarker();
    }

    @Test
    void theSystemAdministratorCannotRunAnExpressionThroughTheEngineRestApiEither() throws Exception {
        for (String path : List.of("/engine-rest/task", "/engine-rest/engine/default/task")) {
            refused(api.post("admin", path, orQuery("${" + payload + "}")), path);
            refused(api.post("admin", path, orQuery("\\u0024{" + payload + "}")), path + " escaped");
            refused(adminGetAsIs(path + "?assigneeExpression=%24%7B" + URLEncoder.encode(payload, StandardCharsets.UTF_8)
                    + "%7D"), path + " percent-encoded");
            refused(api.post("admin", path + "/count", "not json ${" + payload + "}"), path + " not JSON");
        }
        refused(api.exchange("admin", HttpMethod.POST, "/engine-rest/process-definition/key/x/start",
                Map.of("variables", Map.of("a", Map.of("value", "#{" + payload + "}")))), "variables");
        require(api.post("admin", "/engine-rest/task", "{\"orQueries\":[{\"name\":\"甲\"}]}"), 200);
        assertNoMarker();
    }

    @Test
    void filtersMayUseTheIdentityFunctionsOnlyAndTheShippedOnesStillList() {
        JsonNode created = require(api.post("admin", "/engine-rest/filter/create", Map.of("resourceType", "Task",
                "name", "测试：我的任务", "query", Map.of("assigneeExpression", "${currentUser()}",
                        "candidateGroupsExpression", "${currentUserGroups()}"))), 200).body();
        String id = created.get("id").asText();
        refused(api.exchange("admin", HttpMethod.PUT, "/engine-rest/filter/" + id, Map.of("resourceType", "Task",
                "name", "测试：我的任务", "query", Map.of("assigneeExpression", "${" + payload + "}"))), "filter update");
        refused(api.post("admin", "/engine-rest/engine/default/filter/create", Map.of("resourceType", "Task",
                "name", "测试", "query", Map.of("dueBeforeExpression", "${now()}"))), "filter create");
        refused(api.post("admin", "/engine-rest/filter/" + id + "/list", Map.of("assigneeExpression", "${currentUser()}")),
                "a query extending a filter");
        require(api.exchange("admin", HttpMethod.DELETE, "/engine-rest/filter/" + id, null), 204);

        WebappSession tasklist = WebappSession.signIn(port, "agency", "tasklist");
        WebappSession.Answer filters = tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task");
        assertThat(filters.status()).isEqualTo(200);
        assertThat(filters.body()).contains("待审核申请", "我的任务");
        for (JsonNode filter : read(filters.body())) {
            assertThat(tasklist.postJson("/camunda/api/engine/engine/default/filter/" + filter.get("id").asText() + "/list",
                    "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}").status()).isEqualTo(200);
        }
    }

    /** TestRestTemplate would encode the % again: the path and query go out exactly as written. */
    private WebappSession.Answer adminGetAsIs(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + pathAndQuery))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return new WebappSession.Answer(response.statusCode(), response.body(), response.headers());
    }

    private static String orQuery(String expression) {
        return "{\"orQueries\":[{\"assigneeExpression\":\"" + expression + "\"}]}";
    }

    private static void refused(Api.Answer answer, String what) {
        assertThat(answer.status()).as(what).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).as(what).isEqualTo("EXPRESSION_NOT_ALLOWED");
    }

    private static void refused(WebappSession.Answer answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(400);
        assertThat(read(answer.body()).get("code").asText()).as(what).isEqualTo("EXPRESSION_NOT_ALLOWED");
        assertThat(read(answer.body()).get("title").asText()).isEqualTo("请求有误");
    }

    private void assertNoMarker() throws InterruptedException {
        Thread.sleep(1000); // a started process would have touched it by now
        assertThat(marker).doesNotExist();
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
