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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at the workbench as a browser is, without one: signed in through the sign-in form,
 * holding the session cookie, sending each form with the CSRF token its page carried. Redirects
 * are not followed, so a test sees where each answer sends the person.
 */
public final class WorkbenchSession {

    /** An answer and, for a page, its parsed HTML. */
    public record Page(int status, String body, HttpHeaders headers) {

        public Document html() {
            return Jsoup.parse(body == null ? "" : body);
        }

        /** The page's visible text, as a person reads it. */
        public String text() {
            return html().body().text();
        }

        public String location() {
            return headers.firstValue("Location").orElse(null);
        }

        /** The labels of the page's menu, in order. */
        public List<String> menu() {
            return html().select("nav.menu a").eachText();
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrfToken;

    private WorkbenchSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Nobody signed in yet; the sign-in page has been opened, so a CSRF token is at hand. */
    public static WorkbenchSession anonymous(int port) {
        WorkbenchSession session = new WorkbenchSession(port);
        session.get("/login");
        return session;
    }

    /** Nobody signed in yet, with the page at the path opened (its CSRF token at hand): e.g. the members' /m/login. */
    public static WorkbenchSession opening(int port, String path) {
        WorkbenchSession session = new WorkbenchSession(port);
        session.get(path);
        return session;
    }

    /** Signs in with the demo password; fails unless the workbench lets the person in. */
    public static WorkbenchSession signIn(int port, String user) {
        return signIn(port, user, "demo");
    }

    public static WorkbenchSession signIn(int port, String user, String password) {
        WorkbenchSession session = anonymous(port);
        Page answer = session.post("/login", Map.of("username", user, "password", password));
        assertThat(answer.status()).as(user + " signs in").isEqualTo(302);
        assertThat(answer.location()).as(user + " signs in").doesNotContain("error");
        return session;
    }

    public Page get(String path) {
        return send(request(path).GET());
    }

    /** A file the page links to, as the browser saves it. */
    public record Download(int status, byte[] body, HttpHeaders headers) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form as the browser sends it, with the CSRF token of the last page. */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            form.putIfAbsent("_csrf", csrfToken);
        }
        return postWithoutToken(path, form);
    }

    /** A form with fields sent more than once (checkboxes, rows of a table), with the CSRF token of the last page. */
    public Page post(String path, MultiValueMap<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
        if (csrfToken != null && !form.containsKey("_csrf")) {
            form.add("_csrf", csrfToken);
        }
        return postForm(path, form);
    }

    /** A form with no CSRF token of its own, as another site's page would send it. */
    public Page postWithoutToken(String path, Map<String, String> fields) {
        return postForm(path, MultiValueMap.fromSingleValue(fields));
    }

    private Page postForm(String path, MultiValueMap<String, String> fields) {
        String body = fields.entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(value -> encode(e.getKey()) + "=" + encode(value))).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A form with files (enctype multipart/form-data) as the browser sends it, with the CSRF token
     * of the last page: each file (name to content) in the input named {@code files}.
     */
    public Page postFiles(String path, Map<String, String> fields, Map<String, String> files) {
        return postFiles(path, fields, "files", files);
    }

    /** A form with files in the input named {@code part}. */
    public Page postFiles(String path, Map<String, String> fields, String part, Map<String, String> files) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            form.putIfAbsent("_csrf", csrfToken);
        }
        return postFilesWithoutToken(path, form, part, files);
    }

    /** A form with files and no CSRF token of its own. */
    public Page postFilesWithoutToken(String path, Map<String, String> fields, String part, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((filename, content) -> bytes.put(filename, content.getBytes(StandardCharsets.UTF_8)));
        return postBytesWithoutToken(path, MultiValueMap.fromSingleValue(fields), part, bytes);
    }

    /** A form with files of any bytes (images, PDFs) in the input named {@code part}. */
    public Page postBytes(String path, Map<String, String> fields, String part, Map<String, byte[]> files) {
        return postBytes(path, MultiValueMap.fromSingleValue(fields), part, files);
    }

    /** A form of fields that repeat (invoice rows, ticked boxes) with files in the input named {@code part}. */
    public Page postBytes(String path, MultiValueMap<String, String> fields, String part, Map<String, byte[]> files) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
        if (csrfToken != null && !form.containsKey("_csrf")) {
            form.add("_csrf", csrfToken);
        }
        return postBytesWithoutToken(path, form, part, files);
    }

    private Page postBytesWithoutToken(String path, MultiValueMap<String, String> fields, String part,
                                       Map<String, byte[]> files) {
        String boundary = "----huzhu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, values) -> values.forEach(value -> body.writeBytes(("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + (value == null ? "" : value)
                + "\r\n").getBytes(StandardCharsets.UTF_8))));
        files.forEach((filename, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A form with files in the input named {@code part} (none chosen) and no CSRF token of its own. */
    public Page postBytesWithoutToken(String path, Map<String, String> fields, String part) {
        return postBytesWithoutToken(path, MultiValueMap.fromSingleValue(fields), part, Map.of());
    }

    /** A request of the API with the session's cookie instead of credentials, and the last page's CSRF token. */
    public Page api(String method, String path, String json) {
        return api(method, path, json, csrfToken);
    }

    public Page apiWithoutToken(String method, String path, String json) {
        return api(method, path, json, null);
    }

    private Page api(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml");
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(response.statusCode(), response.body(), response.headers());
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                Element token = page.html().selectFirst("meta[name=_csrf], input[name=_csrf]");
                if (token != null) {
                    csrfToken = token.hasAttr("content") ? token.attr("content") : token.attr("value");
                }
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
