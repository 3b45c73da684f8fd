package org.huzhu.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The OpenAPI description at /v3/api-docs, read as a signed-in clerk: every request mapping of
 * our API is in it with its method (read from the application's own mappings, so a new one is
 * covered without being listed), the problem answers are described with examples that match
 * what the API really answers, and only staff read it or load Swagger UI.
 */
@HuzhuIntegrationTest
class ApiDescriptionTest {

    static final List<String> STANDARD_FAILURES = List.of("401", "403", "503");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyMappingOfOurApiIsDescribedWithItsMethodAndNothingElseIs() {
        JsonNode paths = description().get("paths");
        List<String> mapped = apiMappings();
        assertThat(mapped).hasSizeGreaterThan(30);
        List<String> missing = mapped.stream().filter(m -> {
            String[] parts = m.split(" ", 2);
            return !paths.path(parts[1]).has(parts[0].toLowerCase(Locale.ROOT));
        }).toList();
        assertThat(missing).as("mappings missing from /v3/api-docs").isEmpty();

        List<String> described = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        // nothing but our API: not the pages, not /error, not Camunda's /engine-rest
        assertThat(described).allMatch(operation -> operation.contains(" /api/"))
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void operationsAreTaggedByModuleAndSignInWithHttpBasic() {
        JsonNode api = description();
        assertThat(api.at("/components/securitySchemes/basic/type").asText()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/security/0").has("basic")).isTrue();

        Set<String> modules = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"))) {
                modules.add(ApiDescription.moduleOf(handler.getBeanType()));
            }
        });
        assertThat(modules).contains("claim", "membership", "payout", "security", "sla");
        List<String> tags = new ArrayList<>();
        api.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertThat(tags).containsExactlyElementsOf(modules);
        assertThat(api.at("/paths/~1api~1claims/post/tags").toString()).isEqualTo("[\"claim\"]");
        operations(api).forEach((name, operation) ->
                assertThat(modules).as(name).contains(operation.at("/tags/0").asText()));
    }

    @Test
    void everyOperationDescribesItsProblemAnswersWithTheProblemSchema() {
        JsonNode api = description();
        JsonNode problem = api.at("/components/schemas/Problem");
        assertThat(fieldNames(problem.get("properties")))
                .containsExactly("type", "title", "status", "detail", "instance", "code", "errors");
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldProblem");
        assertThat(fieldNames(api.at("/components/schemas/FieldProblem/properties"))).containsExactlyInAnyOrder(
                "field", "code", "message");
        assertThat(problem.get("description").asText()).contains("INVALID_INPUT", "UNAUTHENTICATED", "FORBIDDEN",
                "NOT_FOUND", "DATABASE_UNAVAILABLE", "INTERNAL_ERROR");

        Map<String, String> examples = new HashMap<>();
        api.at("/components/responses").fields().forEachRemaining(response -> {
            JsonNode content = response.getValue().at("/content/application~1problem+json");
            assertThat(content.at("/schema/$ref").asText()).as(response.getKey())
                    .isEqualTo("#/components/schemas/Problem");
            content.get("examples").fields().forEachRemaining(example ->
                    examples.put(example.getKey(), example.getValue().at("/value/status").asText()));
        });
        assertThat(examples).containsExactlyInAnyOrderEntriesOf(Map.of("INVALID_INPUT", "400", "INVALID_FORMAT", "400",
                "UNAUTHENTICATED", "401", "ROLE_REQUIRED", "403", "CLAIM_NOT_FOUND", "404", "TASK_COMPLETED", "409",
                "DATABASE_UNAVAILABLE", "503"));
        assertThat(api.at("/components/responses/DatabaseUnavailable/headers/Retry-After/example").asInt()).isEqualTo(5);

        operations(api).forEach((name, operation) -> {
            JsonNode responses = operation.get("responses");
            assertThat(fieldNames(responses)).as(name).containsAll(STANDARD_FAILURES);
            boolean takesInput = operation.has("requestBody") || operation.has("parameters");
            assertThat(responses.has("400")).as(name + " answers 400").isEqualTo(takesInput);
            assertThat(responses.has("404")).as(name + " answers 404").isEqualTo(name.contains("{"));
            assertThat(responses.has("409")).as(name + " answers 409").isEqualTo(!name.startsWith("GET "));
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().get("$ref").asText()).as(name + " " + response.getKey())
                            .startsWith("#/components/responses/");
                }
            });
        });
        assertThat(api.at("/paths/~1api~1tasks~1{taskId}~1decision/post/responses/409/$ref").asText())
                .isEqualTo("#/components/responses/Conflict");
    }

    /** The examples are what a client gets for the requests they name, word for word. */
    @Test
    void theExamplesAreWhatTheApiAnswers() {
        Api api = new Api(rest);
        JsonNode responses = description().at("/components/responses");
        List<JsonNode> answers = new ArrayList<>();

        JsonNode anonymous = require(api.get(null, "/api/users/me"), 401).body();
        assertThat(anonymous).isEqualTo(example(responses, "Unauthenticated", "UNAUTHENTICATED"));
        answers.add(anonymous);

        Api.Answer members = require(api.post("clerk", "/api/members", Map.of("idNumber", "123", "name", "张三",
                "unitCode", "", "insuranceType", "WORKER")), 400);
        assertThat(members.body().get("instance").asText()).isEqualTo("/api/members");
        answers.add(same(members, responses, "InvalidInput", "INVALID_INPUT"));

        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "900.00");
        @SuppressWarnings("unchecked")
        Map<String, Object> expenses = (Map<String, Object>) claim.get("expenses");
        expenses.put("total", "200,000.00");
        answers.add(same(require(api.post("clerk", "/api/claims", claim), 400),
                responses, "InvalidInput", "INVALID_FORMAT"));
        answers.add(same(require(api.post("agency", "/api/members", Map.of()), 403),
                responses, "Forbidden", "ROLE_REQUIRED"));
        answers.add(same(require(api.get("clerk", "/api/claims/99999999"), 404),
                responses, "NotFound", "CLAIM_NOT_FOUND"));

        long decided = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        String task = api.taskOf("agency", decided);
        require(api.post("agency", "/api/tasks/" + task + "/decision", Map.of("outcome", "APPROVE")), 200);
        answers.add(same(require(api.post("agency", "/api/tasks/" + task + "/decision",
                Map.of("outcome", "APPROVE")), 409), responses, "Conflict", "TASK_COMPLETED"));

        Set<String> documented = fieldNames(description().at("/components/schemas/Problem/properties"));
        answers.forEach(answer -> assertThat(documented).containsAll(fieldNames(answer)));
    }

    /** The answer, which must be the example but for the path it was asked at. */
    private static JsonNode same(Api.Answer answer, JsonNode responses, String response, String example) {
        assertThat(without(answer.body(), "instance")).as(example).isEqualTo(example(responses, response, example));
        return answer.body();
    }

    @Test
    void onlySignedInStaffReadTheDescriptionAndLoadSwaggerUi() {
        Api api = new Api(rest);
        identities.ensureUser("no-role", "无", "角色", "demo", List.of());
        for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
                "/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
            Api.Answer anonymous = api.get(null, path);
            assertThat(anonymous.status()).as("anonymous " + path).isEqualTo(401);
            assertThat(anonymous.body().get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(api.get("no-role", path).status()).as("a user without a staff role " + path).isEqualTo(403);
        }
        Api.Answer page = require(api.get("clerk", "/swagger-ui/index.html"), 200);
        assertThat(page.body().asText()).contains("swagger-ui-bundle.js", "swagger-initializer.js");
        assertThat(page.headers().getFirst("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(require(api.get("clerk", "/swagger-ui/swagger-initializer.js"), 200).body().asText())
                .contains("/v3/api-docs/swagger-config", "BaseLayout");
        assertThat(require(api.get("clerk", "/v3/api-docs/swagger-config"), 200).body().get("url").asText())
                .isEqualTo("/v3/api-docs");
        Api.Answer entry = api.get("clerk", "/swagger-ui.html");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.body().asText()).contains("swagger-ui-bundle.js");
    }

    private JsonNode description() {
        Api.Answer answer = require(new Api(rest).get("clerk", "/v3/api-docs"), 200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.body();
    }

    /** {@code METHOD /api/...} of every handler method, path variables without their patterns. */
    private List<String> apiMappings() {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            List<String> patterns = info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).toList();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(patterns.isEmpty() || !methods.isEmpty()).as(patterns + " names its methods").isTrue();
            for (RequestMethod method : methods) {
                patterns.forEach(pattern ->
                        endpoints.add(method + " " + pattern.replaceAll("\\{(\\w+):[^/]*}(?=/|$)", "{$1}")));
            }
        }
        // one operation may have a handler per content type (POST /api/claims: JSON, or multipart with files)
        return endpoints.stream().distinct().sorted().toList();
    }

    /** Every operation of the description under {@code METHOD /path}. */
    private static Map<String, JsonNode> operations(JsonNode api) {
        Map<String, JsonNode> operations = new HashMap<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operations.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue())));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    private static JsonNode example(JsonNode responses, String response, String example) {
        return responses.at("/" + response + "/content/application~1problem+json/examples/" + example + "/value");
    }

    private static JsonNode without(JsonNode problem, String... fields) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = problem.deepCopy();
        copy.remove(List.of(fields));
        return copy;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
