package org.huzhu.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS provider on this machine, as the adapter's documented shape says one answers: it
 * checks the access key and the HMAC-SHA256 signature over timestamp and body itself (401 when
 * wrong), answers 503 while "down", 400 for numbers it calls invalid, and otherwise keeps the
 * message and answers its id. Every request it accepted is recorded, repeats included.
 */
final class FakeSmsProvider {

    /** A message the provider accepted. */
    record Received(String idempotencyKey, String phoneNumber, String templateId, String signName,
                    Map<String, String> params) {
    }

    private final HttpServer server;
    private final String accessKeyId;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> received = new ArrayList<>();
    private final Set<String> invalidNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedSignatures = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean down;
    private volatile long delayMillis;

    private FakeSmsProvider(String accessKeyId, String secret) throws IOException {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms/send", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    static FakeSmsProvider start(String accessKeyId, String secret) {
        try {
            return new FakeSmsProvider(accessKeyId, secret);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
    }

    void stop() {
        server.stop(0);
    }

    synchronized void reset() {
        received.clear();
        invalidNumbers.clear();
        refusedSignatures.set(0);
        requests.set(0);
        down = false;
        delayMillis = 0;
    }

    void down(boolean down) {
        this.down = down;
    }

    void slow(long millis) {
        this.delayMillis = millis;
    }

    void callsInvalid(String number) {
        invalidNumbers.add(number);
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    int refusedSignatures() {
        return refusedSignatures.get();
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Sms-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Sms-Signature");
        if (!accessKeyId.equals(exchange.getRequestHeaders().getFirst("X-Sms-Access-Key")) || timestamp == null
                || signature == null || !MessageDigest.isEqual(sign(timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            refusedSignatures.incrementAndGet();
            reply(exchange, 401, "{\"code\":\"SIGNATURE_DOES_NOT_MATCH\",\"message\":\"签名不符\"}");
            return;
        }
        if (down) {
            reply(exchange, 503, "{\"message\":\"服务维护中\"}");
            return;
        }
        JsonNode message = json.readTree(body);
        String number = message.path("phoneNumber").asText();
        if (invalidNumbers.contains(number)) {
            reply(exchange, 400, "{\"code\":\"INVALID_NUMBER\",\"message\":\"号码无效\"}");
            return;
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Received accepted = new Received(message.path("idempotencyKey").asText(), number,
                message.path("templateId").asText(), message.path("signName").asText(),
                json.convertValue(message.path("templateParams"), json.getTypeFactory()
                        .constructMapType(Map.class, String.class, String.class)));
        synchronized (this) {
            received.add(accepted);
        }
        reply(exchange, 200, "{\"messageId\":\"fake-" + accepted.idempotencyKey() + "\"}");
    }

    private String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
