package org.huzhu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signed in to one of Camunda's webapps, calling its API as the browser does: with the
 * session cookie and the CSRF token. The token is renewed at sign-in; the new one comes in the
 * {@code X-XSRF-TOKEN} header of the next answer.
 */
public final class WebappSession {

    public record Answer(int status, String body, HttpHeaders headers) {

        /** The body as JSON; text that is no JSON as one text node. */
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.getNodeFactory().textNode(body);
            }
        }
    }

    private final HttpClient http;
    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String csrfToken;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Nobody signed in, with the CSRF token a first visit to the app's page gives. */
    public static WebappSession anonymous(int port) {
        WebappSession session = new WebappSession(port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).GET());
        session.csrfToken = session.cookie("XSRF-TOKEN");
        return session;
    }

    /** Signs in through the app's login API (tasklist, cockpit, admin); fails unless that succeeds. */
    public static WebappSession signIn(int port, String user, String app) {
        return signIn(port, user, "demo", app);
    }

    /** As {@link #signIn(int, String, String)}, for an account whose password is not the demo's. */
    public static WebappSession signIn(int port, String user, String password, String app) {
        WebappSession session = new WebappSession(port);
        Answer login = session.logIn(user, password, app);
        assertThat(login.status()).as(user + " signs in to " + app + ": " + login.body()).isEqualTo(200);
        session.get("/camunda/api/admin/auth/user/default");
        return session;
    }

    /** The app's answer to a sign-in with the demo password: 200, or 403 for a person the app is not for. */
    public static int signInStatus(int port, String user, String app) {
        return new WebappSession(port).logIn(user, "demo", app).status();
    }

    private Answer logIn(String user, String password, String app) {
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET());
        csrfToken = cookie("XSRF-TOKEN");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(request("/camunda/api/admin/auth/user/default/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A GET of the engine API as the webapps call it, e.g. {@code /task/{id}/variables}. */
    public Answer engineGet(String path) {
        return get(ENGINE + path);
    }

    /** A POST of JSON to the engine API as the webapps call it, e.g. {@code /task/{id}/assignee}. */
    public Answer enginePost(String path, Object body) {
        try {
            return postJson(ENGINE + path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PUT of JSON to the engine API as the webapps call it, e.g. {@code /group/{id}/members/{userId}}. */
    public Answer enginePut(String path, Object body) {
        try {
            return send(request(ENGINE + path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart form of text fields and one file, as the engine's deployment/create takes it. */
    public Answer postMultipart(String path, Map<String, String> fields, String fileName, String content) {
        String boundary = "huzhu" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"data\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        return csrfToken == null ? request : request.header("X-XSRF-TOKEN", csrfToken);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }
}
