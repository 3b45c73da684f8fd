package org.huzhu.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's cached HTTP Basic credentials must not let another site change anything: a
 * state-changing request from a foreign Origin (or Referer) is refused before it is read; our
 * own pages, Camunda's webapps and clients that send neither header work as before.
 */
@HuzhuIntegrationTest
class CrossSiteRequestsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;

    @Test
    void anUploadFromAnotherSiteIsRefusedAndNothingIsDeployed() {
        String shipped = readShippedProcess();
        long deployments = repository.createDeploymentQuery().count();

        Api.Answer foreign = upload(shipped, "Origin", "http://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("code").asText()).isEqualTo("CROSS_SITE_REQUEST");
        assertThat(foreign.body().get("title").asText()).isEqualTo("无权访问");
        assertThat(upload(shipped, "Referer", "http://evil.example/page.html").status()).isEqualTo(403);
        assertThat(upload(shipped, "Origin", "null").status()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        // Past the origin check, the revision checks answer (the comment is missing): nothing deploys either.
        for (String own : List.of("http://localhost:" + port, "HTTP://LOCALHOST:" + port)) {
            Api.Answer same = upload(shipped, "Origin", own);
            assertThat(same.status()).as(own).isEqualTo(400);
            assertThat(same.body().toString()).contains("comment");
        }
        assertThat(upload(shipped, "Referer", "http://localhost:" + port + "/sla/index.html").status()).isEqualTo(400);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void readingFromAnotherSiteAndClientsWithoutEitherHeaderAreJudgedByTheirCredentials() {
        Api api = new Api(rest);
        assertThat(api.get("clerk", "/api/users/me").status()).isEqualTo(200);
        assertThat(api.post("clerk", "/api/units", Map.of()).status()).isEqualTo(400);
        assertThat(api.post(null, "/api/units", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aProxysPublicOriginCanBeAllowed() throws Exception {
        CrossSiteRequests filter = new CrossSiteRequests(List.of("https://huzhu.example.org/", ""));
        assertThat(status(filter, "https://huzhu.example.org")).isEqualTo(200);
        assertThat(status(filter, "https://huzhu.example.org:443")).isEqualTo(200);
        assertThat(status(filter, "http://huzhu.example.org")).isEqualTo(403);
        assertThat(status(filter, "https://evil.example")).isEqualTo(403);
        assertThat(status(filter, "")).isEqualTo(403);
    }

    private static int status(CrossSiteRequests filter, String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/claims");
        request.setServerName("internal-host");
        request.setServerPort(8080);
        request.addHeader("Origin", origin);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private Api.Answer upload(String bpmn, String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(header, value);
        return Uploads.post(rest, "admin", "/api/admin/deployments", Map.of(), "files", "claim-lifecycle.bpmn", bpmn,
                headers);
    }

    private static String readShippedProcess() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("processes/claim-lifecycle.bpmn"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
