package org.huzhu.revision;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A process admin's uploads of revision files, as the workbench sends them. */
record RevisionUploads(TestRestTemplate rest) {

    record Answer(int status, JsonNode body) {
    }

    Answer upload(String user, String comment, Map<String, String> files) throws Exception {
        return send("/api/admin/deployments", user, files, Map.of("comment", comment));
    }

    Answer dryRun(String user, Map<String, String> files, String sample) throws Exception {
        return send("/api/admin/deployments/dry-run", user, files, Map.of("sample", sample));
    }

    private Answer send(String path, String user, Map<String, String> files, Map<String, String> fields) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders text = new HttpHeaders();
        text.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        fields.forEach((name, value) -> parts.add(name, new HttpEntity<>(value, text)));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, "demo");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = rest.postForEntity(path, new HttpEntity<>(parts, headers), String.class);
        return new Answer(response.getStatusCode().value(), new ObjectMapper().readTree(response.getBody()));
    }
}
