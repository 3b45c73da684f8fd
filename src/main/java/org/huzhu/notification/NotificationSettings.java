package org.huzhu.notification;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages leave ({@code huzhu.notification.*}).
 *
 * @param sender              {@code mailbox} (the demo's 开发信箱: logged and kept, shown to admins) or {@code sms}
 * @param pollInterval        how often the outbox is read for what is due; zero: never (tests dispatch themselves)
 * @param dispatchAfterCommit deliver right after the transaction that wrote a message commits, so a
 *                            sign-in code arrives within seconds rather than at the next poll
 * @param retry               the wait after a failed attempt: first delay, doubled each time, up to the cap
 * @param sms                 the provider, when {@code sender} is {@code sms}
 */
@ConfigurationProperties("huzhu.notification")
public record NotificationSettings(@DefaultValue("mailbox") String sender, @DefaultValue("PT10S") Duration pollInterval,
                                   @DefaultValue("true") boolean dispatchAfterCommit, @DefaultValue Retry retry,
                                   @DefaultValue Sms sms) {

    public record Retry(@DefaultValue("PT30S") Duration firstDelay, @DefaultValue("PT30M") Duration maxDelay) {

        public Retry {
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("huzhu.notification.retry: first-delay > 0 and max-delay >= first-delay");
            }
        }

        /** The wait after the n-th failed attempt (n from 1): first, 2 x first, 4 x first, ... at most the cap. */
        public Duration after(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 30);
            Duration wait = firstDelay.multipliedBy(1L << doublings);
            return wait.compareTo(maxDelay) > 0 || wait.isNegative() ? maxDelay : wait;
        }
    }

    /**
     * An SMS provider in the usual shape: a signed HTTPS POST of a template id, its parameters,
     * the number and an idempotency key (docs/notifications.md).
     *
     * @param provider        the provider's name, for the log and the records
     * @param endpoint        where messages are posted; https (http only to this machine, for a local test server)
     * @param accessKeyId     sent in a header beside the signature
     * @param accessKeySecret the key the body is signed with (HMAC-SHA256)
     * @param signName        the registered signature the provider puts before the text (短信签名)
     * @param templates       the provider's template id per message kind, e.g. {@code PAID: SMS_100002}
     * @param timeout         how long one request may take
     */
    public record Sms(@DefaultValue("") String provider, URI endpoint, @DefaultValue("") String accessKeyId,
                      @DefaultValue("") String accessKeySecret, @DefaultValue("") String signName,
                      @DefaultValue Map<String, String> templates, @DefaultValue("PT10S") Duration timeout) {

        public Sms {
            // kinds are upper case however the keys were written
            Map<String, String> byKind = new HashMap<>();
            templates.forEach((kind, id) -> byKind.put(kind.toUpperCase(Locale.ROOT), id));
            templates = Map.copyOf(byKind);
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
        }
    }
}
