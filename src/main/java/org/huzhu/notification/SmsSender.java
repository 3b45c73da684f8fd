package org.huzhu.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An SMS provider in the shape most share: an HTTPS POST of the template id, its parameters, the
 * number, the registered signature and an idempotency key as JSON, signed with HMAC-SHA256 over
 * the timestamp and the body; the access key id and the timestamp go in headers beside it. The
 * provider answers 2xx with {@code messageId}; a 4xx (but 408 and 429) is a refusal for good,
 * anything else is tried again.
 */
class SmsSender implements MessageSender {

    static final String ACCESS_KEY_HEADER = "X-Sms-Access-Key";
    static final String TIMESTAMP_HEADER = "X-Sms-Timestamp";
    static final String SIGNATURE_HEADER = "X-Sms-Signature";
    private static final Set<Integer> TRY_AGAIN = Set.of(408, 429);

    private final NotificationSettings.Sms settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    SmsSender(NotificationSettings.Sms settings, ObjectMapper json, Clock clock) {
        requireComplete(settings);
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public String send(OutgoingMessage message) {
        String template = settings.templates().get(message.kind());
        if (template == null || template.isBlank()) {
            throw new DeliveryRefused("未配置消息类型 " + message.kind() + " 的短信模板（huzhu.notification.sms.templates."
                    + message.kind() + "）");
        }
        String body = body(message, template);
        String timestamp = String.valueOf(clock.millis());
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(ACCESS_KEY_HEADER, settings.accessKeyId())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, signature(settings.accessKeySecret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(settings.provider() + " 短信服务不可达：" + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(settings.provider() + " 短信发送被中断", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return messageId(response.body(), message);
        }
        String said = reason(response.body());
        if (status >= 400 && status < 500 && !TRY_AGAIN.contains(status)) {
            throw new DeliveryRefused(settings.provider() + " 拒绝发送（HTTP " + status + "）" + said);
        }
        throw new IllegalStateException(settings.provider() + " 暂时无法发送（HTTP " + status + "）" + said);
    }

    private String body(OutgoingMessage message, String template) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phoneNumber", message.mobile());
        body.put("signName", settings.signName());
        body.put("templateId", template);
        body.put("templateParams", message.params());
        body.put("idempotencyKey", message.idempotencyKey());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SMS body cannot be written", e);
        }
    }

    /** Base64 of HMAC-SHA256 with the key secret over {@code timestamp + "\n" + body}. */
    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private String messageId(String answer, OutgoingMessage message) {
        JsonNode id = read(answer).path("messageId");
        return id.isMissingNode() || id.asText().isBlank() ? message.idempotencyKey() : id.asText();
    }

    private String reason(String answer) {
        JsonNode said = read(answer).path("message");
        String text = said.isMissingNode() ? "" : said.asText();
        return text.isBlank() ? "" : "：" + (text.length() > 200 ? text.substring(0, 200) : text);
    }

    private JsonNode read(String answer) {
        try {
            return answer == null || answer.isBlank() ? json.createObjectNode() : json.readTree(answer);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    /** Refuses to start with an SMS sender that could not send anything. */
    private static void requireComplete(NotificationSettings.Sms sms) {
        URI endpoint = sms.endpoint();
        if (endpoint == null || sms.accessKeyId().isBlank() || sms.accessKeySecret().isBlank() || sms.signName().isBlank()
                || sms.provider().isBlank()) {
            throw new IllegalStateException("huzhu.notification.sender=sms needs huzhu.notification.sms.provider, "
                    + ".endpoint, .access-key-id, .access-key-secret and .sign-name");
        }
        boolean local = "localhost".equals(endpoint.getHost()) || "127.0.0.1".equals(endpoint.getHost());
        if (!"https".equals(endpoint.getScheme()) && !("http".equals(endpoint.getScheme()) && local)) {
            throw new IllegalStateException("huzhu.notification.sms.endpoint must be https: " + endpoint);
        }
    }
}
