package org.huzhu.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Signed-in credentials are remembered for a short while, so a change of password or roles
 * made through the API must take effect with the very next request. Wrong passwords lock an
 * account for a while, never for good, in our API and in the Camunda webapps alike.
 */
@HuzhuIntegrationTest
class StaffAccountsApiTest {

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void resetTime() {
        EngineTime.reset();
    }

    @Test
    void aNewPasswordOrNewRolesCountFromTheNextRequest() {
        String id = newAccount("first-password", "league-auditor");
        assertThat(status(id, "first-password", "/api/sla/open-claims")).isEqualTo(403);

        require(api.exchange("admin", HttpMethod.PUT, "/api/users/" + id + "/roles",
                Map.of("roles", List.of("supervisor"))), 200);
        assertThat(status(id, "first-password", "/api/sla/open-claims")).isEqualTo(200);

        require(api.post("admin", "/api/users/" + id + "/password", Map.of("password", "second-password")), 204);
        assertThat(status(id, "second-password", "/api/sla/open-claims")).isEqualTo(200);
        assertThat(status(id, "first-password", "/api/sla/open-claims")).isEqualTo(401);
    }

    @Test
    void wrongPasswordsLockForAWhileThatGrowsButNeverForGood() {
        String id = newAccount("right-password", "supervisor");
        EngineTime.set("2026-12-01T10:00:00+08:00");
        // signed in and remembered: the lock must not be bypassed by the remembered credentials
        assertThat(signIn(id, "right-password")).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn(id, "wrong-" + i)).isEqualTo(401);
        }
        assertThat(locked()).as("four typos lock nothing").doesNotContainKey(id);

        assertThat(signIn(id, "wrong-5")).isEqualTo(401);
        assertThat(signIn(id, "right-password")).isEqualTo(401);
        assertThat(locked()).containsEntry(id, "2026-12-01T10:05:00+08:00");
        assertThat(lockEntries(id)).containsExactly("连续5次密码错误，暂停登录至2026-12-01 10:05（北京时间）");
        assertThat(webappSignIn(id, "right-password")).as("Tasklist's sign-in").isEqualTo(401);

        EngineTime.set("2026-12-01T10:05:01+08:00");
        assertThat(locked()).doesNotContainKey(id);
        // the count goes on: the sixth wrong password in a row locks for ten minutes
        assertThat(signIn(id, "wrong-6")).isEqualTo(401);
        assertThat(locked()).containsEntry(id, "2026-12-01T10:15:01+08:00");
        EngineTime.set("2026-12-01T10:14:00+08:00");
        assertThat(signIn(id, "right-password")).isEqualTo(401);

        // the engine's own rule locked for good at the tenth; now each lock ends, at most after an hour
        String now = "2026-12-01T10:15:01+08:00";
        for (int failures = 7; failures <= 12; failures++) {
            EngineTime.set(now);
            assertThat(signIn(id, "wrong-" + failures)).isEqualTo(401);
            now = locked().get(id);
            assertThat(now).as("locked after %d wrong passwords", failures).isNotNull();
        }
        assertThat(now).isEqualTo("2026-12-01T15:15:01+08:00");
        EngineTime.set("2026-12-01T15:15:02+08:00");
        assertThat(signIn(id, "right-password")).isEqualTo(200);
        assertThat(signIn(id, "wrong-1")).as("a sign-in clears the count").isEqualTo(401);
        assertThat(locked()).doesNotContainKey(id);
        assertThat(lockEntries(id)).hasSize(8);
    }

    @Test
    void wrongPasswordsInTasklistLockTheApiToo() {
        String id = newAccount("right-password", "supervisor");
        EngineTime.set("2026-12-02T09:00:00+08:00");
        assertThat(webappSignIn(id, "right-password")).isEqualTo(200);
        for (int i = 1; i <= 5; i++) {
            assertThat(webappSignIn(id, "wrong-" + i)).isEqualTo(401);
        }
        assertThat(webappSignIn(id, "right-password")).isEqualTo(401);
        assertThat(signIn(id, "right-password")).isEqualTo(401);
        assertThat(locked()).containsEntry(id, "2026-12-02T09:05:00+08:00");

        EngineTime.set("2026-12-02T09:05:00.001+08:00");
        assertThat(webappSignIn(id, "right-password")).isEqualTo(200);
        assertThat(signIn(id, "right-password")).isEqualTo(200);
    }

    @Test
    void anAdminsPasswordResetUnlocksAtOnce() {
        String id = newAccount("old-password", "supervisor");
        EngineTime.set("2026-12-03T09:00:00+08:00");
        for (int i = 1; i <= 5; i++) {
            signIn(id, "wrong-" + i);
        }
        assertThat(locked()).containsKey(id);
        JsonNode account = require(api.get("admin", "/api/users"), 200).body();
        assertThat(account.findValues("lockedUntil").stream().filter(v -> !v.isNull()).count()).isPositive();

        require(api.post("admin", "/api/users/" + id + "/password", Map.of("password", "new-password")), 204);
        assertThat(locked()).doesNotContainKey(id);
        assertThat(signIn(id, "new-password")).isEqualTo(200);
        assertThat(webappSignIn(id, "new-password")).isEqualTo(200);
        assertThat(signIn(id, "old-password")).isEqualTo(401);
        List<String> resets = new ArrayList<>();
        for (JsonNode entry : require(api.get("admin", "/api/audit?actor=admin"), 200).body()) {
            if (entry.get("action").asText().equals("USER_PASSWORD_RESET") && entry.get("subjectId").asText().equals(id)) {
                resets.add(entry.get("reason").asText());
            }
        }
        assertThat(resets).containsExactly("已解除登录锁定");
    }

    @Test
    void onlyAdminsSeeTheAccounts() {
        assertThat(api.get("supervisor", "/api/users?locked=true").status()).isEqualTo(403);
        JsonNode locked = require(api.get("admin", "/api/users?locked=true"), 200).body();
        assertThat(locked.findValues("lockedUntil")).allMatch(until -> !until.isNull());
    }

    private String newAccount(String password, String role) {
        String id = TestIds.code("staff");
        require(api.post("admin", "/api/users", Map.of("id", id, "name", "张敏", "password", password,
                "roles", List.of(role))), 201);
        return id;
    }

    private int status(String user, String password, String path) {
        return rest.withBasicAuth(user, password).getForEntity(path, String.class).getStatusCode().value();
    }

    /** Our API with HTTP Basic. */
    private int signIn(String user, String password) {
        return status(user, password, "/api/users/me");
    }

    /** Locked accounts and until when, as an admin sees them. */
    private Map<String, String> locked() {
        Map<String, String> locked = new HashMap<>();
        for (JsonNode account : require(api.get("admin", "/api/users?locked=true"), 200).body()) {
            locked.put(account.get("id").asText(), account.get("lockedUntil").asText());
        }
        return locked;
    }

    private List<String> lockEntries(String id) {
        List<String> reasons = new ArrayList<>();
        for (JsonNode entry : require(api.get("admin", "/api/audit?actor=system&limit=1000"), 200).body()) {
            if (entry.get("action").asText().equals("USER_LOCKED") && entry.get("subjectId").asText().equals(id)) {
                reasons.add(entry.get("reason").asText());
            }
        }
        return reasons;
    }

    /** Tasklist's sign-in form: a token from a first request, then the form post. */
    private int webappSignIn(String user, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/camunda/api/admin/auth/user/default";
        try {
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(URI.create(base + "/login/tasklist"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
