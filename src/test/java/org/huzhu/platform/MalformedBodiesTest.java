package org.huzhu.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.huzhu.support.ApiEndpoints;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.RowCounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint of our API, found in the application's own request mappings (a new
 * one is covered without being listed), gets a fixed corpus of malformed bodies as the
 * administrator, who may call them all: no answer is a 5xx, and no row of ours changes.
 */
@HuzhuIntegrationTest
class MalformedBodiesTest {

    /**
     * What clients and attackers send that no handler should take ({@code {}} is left out: it is
     * a real request to some, e.g. "migrate every older claim").
     */
    static final List<String> CORPUS = List.of(
            "", "not json", "{", "[]", "null", "\"text\"", "12", "{\"a\":",
            "{\"x\":\"\\u0000\"}", "{\"name\":\"a\",\"name\":\"b\"}", "{\"code\":{\"nested\":[1,2,{\"deep\":true}]}}",
            "{\"amount\":1e999999}", "{\"amount\":\"999999999999999999999999999.999\"}", "{\"isOffDay\":123}",
            "{\"documents\":\"INVOICE\"}", "{\"invoices\":[null,null]}", "{\"days\":[{}]}", "{\"userId\":[]}",
            "{\"validFrom\":\"2026-02-30\"}", "{\"outcome\":null,\"reason\":{}}", "[".repeat(2000) + "]".repeat(2000),
            "{\"name\":\"" + "长".repeat(100_000) + "\"}");

    /** The one write whose fields are all optional. */
    static final String EVERY_FIELD_OPTIONAL = "POST /api/admin/migrations";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void malformedBodiesToEveryWriteEndpointChangeNothingAndNeverFail() {
        List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.writes(mappings);
        assertThat(endpoints).hasSizeGreaterThan(15);
        Map<String, Long> before = RowCounts.of(jdbc);
        List<String> failures = new ArrayList<>();
        for (ApiEndpoints.Endpoint endpoint : endpoints) {
            for (String body : CORPUS) {
                if (endpoint.toString().equals(EVERY_FIELD_OPTIONAL) && body.startsWith("{\"")) {
                    // unknown fields are ignored, so any object is the real request "migrate every older claim"
                    continue;
                }
                HttpHeaders headers = new HttpHeaders();
                headers.setBasicAuth("admin", "demo");
                headers.setContentType(MediaType.APPLICATION_JSON);
                int status = rest.exchange(endpoint.path(), endpoint.method(), new HttpEntity<>(body, headers), String.class)
                        .getStatusCode().value();
                if (status >= 500 || status < 400) {
                    failures.add(endpoint + " <- " + (body.length() > 60 ? body.substring(0, 60) + "…" : body) + " -> " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(RowCounts.of(jdbc)).isEqualTo(before);
    }
}
