package org.huzhu.security;

import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our own pages and Swagger UI allow no inline script (the dashboard's and Swagger UI's browser
 * tests show they still work); Camunda's keep theirs.
 */
@HuzhuIntegrationTest
class ContentSecurityPolicyTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void ourPagesAllowScriptsFromOurOwnFilesOnly() {
        Api api = new Api(rest);
        for (String path : new String[] {"/sla/index.html", "/sla/dashboard.js", "/api/users/me",
                "/swagger-ui/index.html", "/v3/api-docs"}) {
            String policy = api.get("supervisor", path).headers().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
        }
        String camunda = api.get(null, "/camunda/app/tasklist/default/").headers().getFirst("Content-Security-Policy");
        assertThat(camunda).isNotEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }
}
