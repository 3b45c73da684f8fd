package org.huzhu.platform;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database in /actuator/health, answered within a bound: when PostgreSQL is away a
 * connection attempt can wait for the pool's whole timeout, and a load balancer or an
 * operator must hear DOWN at once. One check runs at a time; while it hangs, asking again
 * answers DOWN without starting another.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    static final Duration BOUND = Duration.ofMillis(1500);

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> running = CompletableFuture.completedFuture(true);

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        CompletableFuture<Boolean> check;
        synchronized (this) {
            if (!running.isDone()) {
                return Health.down().withDetail("reason", "上一次检查仍未得到数据库答复").build();
            }
            running = CompletableFuture.supplyAsync(this::valid, checker);
            check = running;
        }
        try {
            return check.get(BOUND.toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build()
                    : Health.down().withDetail("reason", "数据库连接无效").build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "数据库在 " + BOUND.toMillis() + " 毫秒内没有答复").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        } catch (java.util.concurrent.ExecutionException e) {
            return Health.down().withDetail("reason", "数据库无法连接").build();
        }
    }

    private boolean valid() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
