package org.huzhu.security;

import java.util.List;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Signed-in credentials are remembered for a short while, so a change of password or roles
 * made through the API must take effect with the very next request.
 */
@HuzhuIntegrationTest
class StaffAccountsApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void aNewPasswordOrNewRolesCountFromTheNextRequest() {
        Api api = new Api(rest);
        String id = "staff-" + System.nanoTime();
        require(api.post("admin", "/api/users", Map.of("id", id, "name", "张敏", "password", "first-password",
                "roles", List.of("league-auditor"))), 201);
        assertThat(status(id, "first-password")).isEqualTo(403);

        require(api.exchange("admin", HttpMethod.PUT, "/api/users/" + id + "/roles",
                Map.of("roles", List.of("supervisor"))), 200);
        assertThat(status(id, "first-password")).isEqualTo(200);

        require(api.post("admin", "/api/users/" + id + "/password", Map.of("password", "second-password")), 204);
        assertThat(status(id, "second-password")).isEqualTo(200);
        // (last: a failed sign-in makes the identity service refuse the account for a few seconds)
        assertThat(status(id, "first-password")).isEqualTo(401);
    }

    /** A page for supervisors only. */
    private int status(String user, String password) {
        return rest.withBasicAuth(user, password).getForEntity("/api/sla/open-claims", String.class)
                .getStatusCode().value();
    }
}
