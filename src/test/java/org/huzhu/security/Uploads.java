package org.huzhu.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.support.Api;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Multipart uploads with HTTP Basic: the engine's deployment/create and our checked revision upload. */
final class Uploads {

    /** The engine refuses to parse it (a flow to nowhere): who gets past the authorizations gets a 400, nothing deploys. */
    static final String BROKEN_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="urn:huzhu:test">
              <process id="broken" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="start"/>
                <sequenceFlow id="nowhere" sourceRef="start" targetRef="missing"/>
              </process>
            </definitions>
            """;

    private Uploads() {
    }

    /** The engine's deployment/create: a deployment name and one resource, named {@code name}. */
    static Api.Answer engineDeployment(TestRestTemplate rest, String user, String path, String name, String content) {
        return post(rest, user, path, Map.of("deployment-name", "matrix-" + name), "data", name, content, new HttpHeaders());
    }

    static Api.Answer post(TestRestTemplate rest, String user, String path, Map<String, String> fields, String filePart,
                           String fileName, String content, HttpHeaders headers) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        fields.forEach((field, value) -> parts.add(field, new HttpEntity<>(value, text)));
        parts.add(filePart, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        if (user != null) {
            headers.setBasicAuth(user, "demo");
        }
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> response = rest.postForEntity(path, new HttpEntity<>(parts, headers), String.class);
        return new Api.Answer(response.getStatusCode().value(), parse(response.getBody()), response.getHeaders());
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : new ObjectMapper().readTree(body);
        } catch (Exception notJson) {
            return new ObjectMapper().getNodeFactory().textNode(body);
        }
    }
}
