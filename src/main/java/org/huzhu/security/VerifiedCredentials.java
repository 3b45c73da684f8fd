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
 * seconds; a password or role change made here forgets the person at once, one made in Camunda
 * Admin, or the identity service's lock after failed sign-ins, takes effect within that time
 * for someone already signed in. Only a keyed hash of name and password is kept (the key
 * is random per process), and a failed check is never remembered.
 */
@Component
class VerifiedCredentials {

    static final int LIFETIME_SECONDS = 30;
    private static final long LIFETIME_NANOS = LIFETIME_SECONDS * 1_000_000_000L;
    private static final int MOST_ENTRIES = 10_000;

    private record Entry(Staff staff, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
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

    void remember(String password, Staff staff) {
        long now = System.nanoTime();
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
        entries.values().removeIf(entry -> entry.staff().userId().equals(userId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.values().removeIf(entry -> entry.staff().userId().equals(userId));
                }
            });
        }
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
