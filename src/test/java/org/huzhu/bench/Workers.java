package org.huzhu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Runs a unit of work a given number of times over concurrent workers. */
final class Workers {

    private static final long AWAIT_MS = 60_000;

    private Workers() {
    }

    /** Units done per second: the workers share the count, each passing its own index to the work. */
    static double perSecond(int workers, int units, IntConsumer work) {
        AtomicInteger left = new AtomicInteger(units);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                running.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        work.accept(worker);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return units / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls every 10 ms until done, for at most a minute. */
    static void await(String what, BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + AWAIT_MS;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(what + " not within " + AWAIT_MS + " ms");
            }
            pause(10);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
