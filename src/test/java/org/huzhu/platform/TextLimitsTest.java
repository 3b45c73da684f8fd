package org.huzhu.platform;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.support.Api;
import org.huzhu.support.ApiEndpoints;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.RowCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a request of our API carries has a limit, found from the application's own
 * request mappings and body types (a new endpoint or field is covered without being listed):
 * each text field of each write endpoint's body, each text part of an upload and each text
 * query parameter, sent one character over its limit by the administrator, is refused at
 * that field with the limit in words, and no row of ours changes.
 */
@HuzhuIntegrationTest
class TextLimitsTest {

    /** JSON a request keeps as a tree and reads into a type later, by {@code Record.component}: that type's fields count too. */
    static final Map<String, Class<?>> READ_LATER = Map.of("PublishRequest.definition", RuleSetDefinition.class);

    /** Far over the limit of any text part of an upload, whose rule is the handler's own. */
    static final int OVER_ANY_LIMIT = 10_001;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final ObjectMapper json = new ObjectMapper();

    record TextField(String path, int limit) {
    }

    @Test
    void everyTextFieldOfEveryWriteIsLimited() {
        Map<String, Long> before = RowCounts.of(jdbc);
        List<String> wrong = new ArrayList<>();
        int fields = 0;
        for (ApiEndpoints.Endpoint endpoint : ApiEndpoints.writes(mappings)) {
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)) {
                    continue;
                }
                List<TextField> texts = new ArrayList<>();
                textFields(parameter.getGenericParameterType(), "", TextLimit.DEFAULT, texts);
                for (TextField text : texts) {
                    fields++;
                    Api.Answer answer = new Api(rest).exchange("admin", endpoint.method(), endpoint.path(),
                            bodyWith(text.path(), "长".repeat(text.limit() + 1)));
                    judge(wrong, endpoint + " " + text.path(), answer, text.path(), FieldProblem.tooLong(text.path(), text.limit()).message());
                }
            }
        }
        assertThat(fields).as("text fields found in request bodies").isGreaterThan(40);
        assertThat(wrong).isEmpty();
        assertThat(RowCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void everyTextPartOfAnUploadAndEveryTextQueryParameterIsLimited() {
        Map<String, Long> before = RowCounts.of(jdbc);
        List<String> wrong = new ArrayList<>();
        int parameters = 0;
        for (ApiEndpoints.Endpoint endpoint : ApiEndpoints.all(mappings)) {
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                if (parameter.getParameterType() != String.class) {
                    continue;
                }
                RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (query != null) {
                    parameters++;
                    String name = query.name().isEmpty() ? parameter.getParameterName() : query.name();
                    // a template: the client encodes the characters once
                    String path = endpoint.path() + "?" + name + "=" + "长".repeat(TextLimit.DEFAULT + 1);
                    judge(wrong, endpoint + " ?" + name, new Api(rest).exchange("admin", endpoint.method(), path, null),
                            name, FieldProblem.tooLong(name, TextLimit.DEFAULT).message());
                } else if (part != null) {
                    parameters++;
                    judge(wrong, endpoint + " part " + part.name(), upload(endpoint, part.name()), part.name(), null);
                }
            }
        }
        assertThat(parameters).as("text parameters and parts found").isGreaterThan(10);
        assertThat(wrong).isEmpty();
        assertThat(RowCounts.of(jdbc)).isEqualTo(before);
    }

    /** A 400 with TOO_LONG at the field, saying the limit where it is known. */
    private static void judge(List<String> wrong, String what, Api.Answer answer, String field, String message) {
        String problem = answer.status() == 400 && answer.body().has("errors")
                ? Api.fieldMessages(answer).get(field + ":TOO_LONG") : null;
        if (problem == null || (message != null && !problem.equals(message))) {
            wrong.add(what + " -> " + answer.status() + " " + answer.body());
        }
    }

    private Api.Answer upload(ApiEndpoints.Endpoint endpoint, String partName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(partName, "长".repeat(OVER_ANY_LIMIT));
        var response = rest.exchange(endpoint.path(), endpoint.method(), new HttpEntity<>(parts, headers), String.class);
        try {
            return new Api.Answer(response.getStatusCode().value(), json.readTree(response.getBody()), response.getHeaders());
        } catch (Exception e) {
            throw new AssertionError(endpoint + " answered no JSON: " + response.getBody(), e);
        }
    }

    /** The JSON paths of every text in a body of the type, each with the limit its field declares. */
    private static void textFields(Type type, String path, int limit, List<TextField> texts) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            textFields(list.getActualTypeArguments()[0], path + "[0]", limit, texts);
        } else if (type == String.class) {
            texts.add(new TextField(path, limit));
        } else if (type instanceof Class<?> record && record.isRecord()) {
            for (RecordComponent component : record.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
                String at = path.isEmpty() ? name : path + "." + name;
                TextLimit declared = component.getAccessor().getAnnotation(TextLimit.class);
                int fieldLimit = declared == null ? TextLimit.DEFAULT : declared.value();
                if (component.getType() == JsonNode.class) {
                    Class<?> later = READ_LATER.get(record.getSimpleName() + "." + component.getName());
                    assertThat(later).as("the type " + record.getSimpleName() + "." + component.getName()
                            + " is read into, in READ_LATER").isNotNull();
                    textFields(later, at, fieldLimit, texts);
                } else {
                    textFields(component.getGenericType(), at, fieldLimit, texts);
                }
            }
        } else if (type instanceof Class<?> other && !other.isEnum() && !other.isPrimitive()
                && !other.getName().startsWith("java.")) {
            throw new AssertionError("a request body part of a shape this test cannot walk: " + other.getName() + " at " + path);
        } else if (!(type instanceof Class<?>)) {
            throw new AssertionError("a request body part of a shape this test cannot walk: " + type + " at " + path);
        }
    }

    /** A JSON body holding only the value at the path, e.g. {@code {"invoices":[{"code":"..."}]}}. */
    private JsonNode bodyWith(String path, String value) {
        ObjectNode body = json.createObjectNode();
        ContainerNode<?> at = body;
        String[] steps = path.replace("[0]", ".[0]").split("\\.");
        for (int i = 0; i < steps.length; i++) {
            boolean last = i == steps.length - 1;
            boolean nextIsList = !last && steps[i + 1].equals("[0]");
            if (steps[i].equals("[0]")) {
                ArrayNode list = (ArrayNode) at;
                if (last) {
                    list.add(value);
                } else {
                    at = nextIsList ? list.addArray() : list.addObject();
                }
            } else {
                ObjectNode object = (ObjectNode) at;
                if (last) {
                    object.put(steps[i], value);
                } else {
                    at = nextIsList ? object.putArray(steps[i]) : object.putObject(steps[i]);
                }
            }
        }
        return body;
    }
}
