package org.huzhu.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credentials the identity service accepted a moment ago, with the person they signed in: HTTP
 * Basic sends the password with every request, and checking it and reading the groups again
 * each time was two engine commands per request. An entry lives {@value #LIFETIME_SECONDS}
 * seconds. Any change of the person in the identity service (password, groups, a lock after
 * wrong passwords; through our API or Camunda Admin, see {@link IdentityStore})
 * forgets them at once, and a check that was under way during such a change is not
 * remembered. Only a keyed hash of name and password is kept (the key is random per
 * process), and a failed check is never remembered.
 */
@Component
class VerifiedCredentials {

    static final int LIFETIME_SECONDS = 30;
    private static final long LIFETIME_NANOS = LIFETIME_SECONDS * 1_000_000_000L;
    private static final int MOST_ENTRIES = 10_000;

    private record Entry(Staff staff, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** When each person last changed, for checks that were under way then. */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    VerifiedCredentials() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    Optional<Staff> find(String userId, String password) {
        Entry entry = entries.get(hash(userId, password));
        if (entry == null || System.nanoTime() - entry.expiresAt() > 0) {
            return Optional.empty();
        }
        return Optional.of(entry.staff());
    }

    /** The moment a check starts, to hand to {@link #remember} when it succeeded. */
    long checkStarts() {
        return System.nanoTime();
    }

    void remember(String password, Staff staff, long checkStarted) {
        long now = System.nanoTime();
        Long changed = changedAt.get(staff.userId());
        if (changed != null && changed - checkStarted >= 0) {
            return;
        }
        if (changedAt.size() >= MOST_ENTRIES) {
            changedAt.values().removeIf(at -> now - at > LIFETIME_NANOS);
        }
        if (entries.size() >= MOST_ENTRIES) {
            entries.values().removeIf(entry -> now - entry.expiresAt() > 0);
            if (entries.size() >= MOST_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(hash(staff.userId(), password), new Entry(staff, now + LIFETIME_NANOS));
    }

    /**
     * Forgets the person now and again when the transaction that changes them commits, so a
     * request in between cannot keep what is being changed.
     */
    void forget(String userId) {
        forgetNow(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(userId);
                }
            });
        }
    }

    private void forgetNow(String userId) {
        changedAt.put(userId, System.nanoTime());
        entries.values().removeIf(entry -> entry.staff().userId().equals(userId));
    }

    private String hash(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
