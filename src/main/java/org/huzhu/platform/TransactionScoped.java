package org.huzhu.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read once per transaction: a claim's step reads its claim, clock or member from several
 * listeners and delegates, and each read after the first answers from here. Bound to the
 * transaction under way (Spring's synchronization, which the engine's commands join), suspended
 * with it when a nested transaction starts and dropped when it ends, so no value outlives the
 * transaction that read it and another node's changes count as they would without it. The owner
 * forgets a key whenever it writes that row ({@link #forget}); outside a transaction every call
 * reads. Values must not be changed by their users: hand out copies of mutable ones.
 */
public final class TransactionScoped<K, V> {

    /** Marks a key read and found missing, so an absent row is not asked for twice either. */
    private static final Object ABSENT = new Object();

    /** The key this instance's values are bound under; one per instance, never shared. */
    private final Object resource = new Object();

    /** The value for the key, read by {@code read} the first time in this transaction; null when there is none. */
    @SuppressWarnings("unchecked")
    public V get(K key, Function<K, V> read) {
        Map<K, Object> values = values(true);
        if (values == null) {
            return read.apply(key);
        }
        Object value = values.get(key);
        if (value == null) {
            V fresh = read.apply(key);
            values.put(key, fresh == null ? ABSENT : fresh);
            return fresh;
        }
        return value == ABSENT ? null : (V) value;
    }

    /** The value held for the key in this transaction, or null; reads nothing. */
    @SuppressWarnings("unchecked")
    public V held(K key) {
        Map<K, Object> values = values(false);
        Object value = values == null ? null : values.get(key);
        return value == ABSENT ? null : (V) value;
    }

    /** The row as it is now stored, after a write whose outcome the writer knows exactly. */
    public void put(K key, V value) {
        Map<K, Object> values = values(true);
        if (values != null) {
            values.put(key, value);
        }
    }

    /** The row was written (or locked, so a read now may see newer data): the next read goes to the database. */
    public void forget(K key) {
        Map<K, Object> values = values(false);
        if (values != null) {
            values.remove(key);
        }
    }

    /** Rows were written in bulk: every read from now on goes to the database. */
    public void forgetAll() {
        Map<K, Object> values = values(false);
        if (values != null) {
            values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, Object> values(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<K, Object> values = (Map<K, Object>) TransactionSynchronizationManager.getResource(resource);
        if (values == null && create) {
            Map<K, Object> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(resource, bound);
            TransactionSynchronizationManager.registerSynchronization(new Unbind(resource, bound));
            values = bound;
        }
        return values;
    }

    /** Takes the values away while a nested transaction runs, back when it ends, and for good at the end. */
    private record Unbind(Object resource, Map<?, Object> values) implements TransactionSynchronization {

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(resource);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(resource, values);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(resource);
        }
    }
}
