package org.huzhu.notification;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivers the outbox shortly after a transaction that wrote to it commits, on a thread of its
 * own so that the request does not wait for the provider. Requests while a run is queued add
 * nothing: that run takes their messages too. The poll catches whatever this misses (a node
 * that stopped, a message waiting for its retry).
 */
@Component
class DispatchSoon {

    private static final Logger log = LoggerFactory.getLogger(DispatchSoon.class);
    private static final Object REQUESTED = new Object();

    private final OutboxDispatcher dispatcher;
    private final boolean enabled;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(run -> {
        Thread t = new Thread(run, "huzhu-outbox");
        t.setDaemon(true);
        return t;
    });

    DispatchSoon(OutboxDispatcher dispatcher, NotificationSettings settings) {
        this.dispatcher = dispatcher;
        this.enabled = settings.dispatchAfterCommit();
    }

    /** Called by the outbox when it writes: once per transaction, after it commits (at once without one). */
    void afterCommit() {
        if (!enabled) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            soon();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(REQUESTED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(REQUESTED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                soon();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(REQUESTED);
            }
        });
    }

    private void soon() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                try {
                    dispatcher.dispatch();
                } catch (RuntimeException e) {
                    log.warn("Outbox not delivered after commit, the poll tries again: {}", e.toString());
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
