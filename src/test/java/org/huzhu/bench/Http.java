package org.huzhu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Our REST API over loopback HTTP, as a browser or counter client calls it. */
final class Http {

    static final String PASSWORD = "bench";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    JsonNode get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), 200);
    }

    /** The status of an anonymous GET (the health check), or -1 while nothing answers. */
    int anonymousStatus(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode post(String user, String path, Object body, int expected) {
        try {
            String payload = json.writeValueAsString(body);
            return send(user, HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)), expected);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String user, HttpRequest.Builder request, int expected) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = client.send(request.header("Authorization", "Basic " + auth)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.build().uri() + " as " + user + ": expected " + expected
                        + " but got " + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? null : json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
