package org.huzhu.workflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser's session in the Camunda webapps (Tasklist, Cockpit), calling the engine API under
 * {@code /camunda/api/engine/engine/default} as their pages do: signed in by the login form, with
 * the session cookie and the CSRF token. The token is renewed at sign-in; the next answer
 * carries the new one in its {@code X-XSRF-TOKEN} header.
 */
final class WebappSession {

    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String token;

    private WebappSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Signs the user in to the app ("tasklist" or "cockpit"); fails unless the sign-in succeeds. */
    static WebappSession signIn(int port, String user, String app) {
        WebappSession session = new WebappSession("http://localhost:" + port + "/camunda");
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/app/" + app + "/")).GET());
        session.token = session.cookie("XSRF-TOKEN");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
        int status = session.send(HttpRequest.newBuilder(URI.create(session.base + "/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
        if (status != 200) {
            throw new AssertionError(user + " could not sign in to " + app + ": " + status);
        }
        session.get("/api/admin/auth/user/default");
        return session;
    }

    /** A GET of the engine API, e.g. {@code /task/{id}/variables}. */
    Answer engineGet(String path) {
        return get("/api/engine/engine/default" + path);
    }

    /** A POST of JSON to the engine API, e.g. {@code /task/{id}/assignee}. */
    Answer enginePost(String path, Object body) {
        try {
            return answer(send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/default" + path))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer get(String path) {
        return answer(send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(renewed -> token = renewed);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static Answer answer(HttpResponse<String> response) {
        try {
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            return new Answer(response.statusCode(), JSON.getNodeFactory().textNode(response.body()));
        }
    }
}
