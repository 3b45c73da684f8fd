package org.huzhu.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements and round trips the application sends through its DataSource, per
 * step of one piece of work at a time. Imported by the tests' and the bench's contexts, it wraps
 * the DataSource bean (the one the engine, Flyway and our JdbcClient all use).
 * <p>
 * A step is a label for the whole application, not for a thread: a claim's step runs on a request
 * thread, then on the outbox's thread after its commit, or on the test's own. So work is measured
 * one piece at a time, and a step ends only once the database has been quiet for a moment. The job
 * executor's threads (the bench's payout, which starts while the league decision's request is
 * still answering) count towards the measurement's asynchronous step, whatever the label says.
 */
public class Statements implements BeanPostProcessor {

    private static final long QUIET_NANOS = 250_000_000L;

    /** Every statement and commit sent, measured or not: how a step sees that the database is quiet. */
    private final AtomicLong sent = new AtomicLong();
    private volatile Measurement measuring;
    private volatile String step;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Counted) ? counted(dataSource) : bean;
    }

    /** A DataSource whose statements count here. */
    public DataSource counted(DataSource target) {
        return new Counted(target, this);
    }

    /** The DataSource below the counting, for a driver's own look-ups that are not the work measured. */
    public static DataSource uncounted(DataSource dataSource) {
        return dataSource instanceof Counted counted ? counted.getTargetDataSource() : dataSource;
    }

    /** Starts measuring; statements on the job executor's threads count towards asyncStep. */
    public void begin(String asyncStep) {
        measuring = new Measurement(asyncStep);
        step = null;
    }

    /**
     * The step so far is over once the database is quiet; what follows counts towards the named
     * one, or (null) towards none. Does nothing while nothing is measured.
     */
    public void step(String name) {
        if (measuring == null) {
            return;
        }
        settle();
        step = name;
    }

    /** Stops measuring, once the database is quiet, and returns what was counted. */
    public Measurement end() {
        settle();
        Measurement measured = measuring;
        measuring = null;
        step = null;
        return measured;
    }

    private void settle() {
        long last = sent.get();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET_NANOS) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            long now = sent.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private void record(String sql, int statements) {
        sent.incrementAndGet();
        Measurement measurement = measuring;
        if (measurement == null) {
            return;
        }
        String label = onJobExecutor() ? measurement.asyncStep : step;
        if (label != null) {
            measurement.add(label, sql, statements);
        }
    }

    /** A job being run by the executor, or its acquisition thread looking for jobs. */
    private static boolean onJobExecutor() {
        return Context.getJobExecutorContext() != null || Thread.currentThread().getName().startsWith("JobExecutor[");
    }

    /** What one measurement counted: statements (each of a batch), round trips (a batch or a commit is one), SQL. */
    public static final class Measurement {

        private final String asyncStep;
        private final Map<String, LongAdder> statements = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Map<String, LongAdder> roundTrips = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Map<String, LongAdder> shapes = new ConcurrentHashMap<>();

        private Measurement(String asyncStep) {
            this.asyncStep = asyncStep;
        }

        private void add(String step, String sql, int count) {
            statements.computeIfAbsent(step, s -> new LongAdder()).add(count);
            roundTrips.computeIfAbsent(step, s -> new LongAdder()).increment();
            shapes.computeIfAbsent(sql.replaceAll("\\s+", " ").strip(), s -> new LongAdder()).add(Math.max(1, count));
        }

        /** Statements per step, in the order the steps first sent one. */
        public Map<String, Long> statements() {
            return sums(statements);
        }

        public Map<String, Long> roundTrips() {
            return sums(roundTrips);
        }

        public long totalStatements() {
            return statements().values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalRoundTrips() {
            return roundTrips().values().stream().mapToLong(Long::longValue).sum();
        }

        /** The most frequent SQL texts (commits as COMMIT), most first. */
        public Map<String, Long> top(int limit) {
            return shapes.entrySet().stream()
                    .sorted(Map.Entry.<String, LongAdder>comparingByValue((a, b) -> Long.compare(b.sum(), a.sum())))
                    .limit(limit)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum(), (a, b) -> a, LinkedHashMap::new));
        }

        private static Map<String, Long> sums(Map<String, LongAdder> adders) {
            synchronized (adders) {
                Map<String, Long> sums = new LinkedHashMap<>();
                adders.forEach((step, adder) -> sums.put(step, adder.sum()));
                return sums;
            }
        }
    }

    /** Spring's delegating DataSource, so unwrapping (pool metrics) and closing reach the pool. */
    private static final class Counted extends DelegatingDataSource implements AutoCloseable {

        private final Statements statements;

        Counted(DataSource target, Statements statements) {
            super(target);
            this.statements = statements;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private Connection connection(Connection target) {
            return proxy(Connection.class, target, (method, args) -> {
                Object result = invoke(target, method, args);
                switch (method.getName()) {
                    case "createStatement" -> result = statement(Statement.class, (Statement) result, null);
                    case "prepareStatement" -> result = statement(PreparedStatement.class, (Statement) result, (String) args[0]);
                    case "prepareCall" -> result = statement(CallableStatement.class, (Statement) result, (String) args[0]);
                    case "commit", "rollback" -> {
                        if (args == null) {
                            statements.record(method.getName().toUpperCase(), 0);
                        }
                    }
                    default -> {
                    }
                }
                return result;
            });
        }

        /** A prepared statement's SQL is known when it is made; a plain one's comes with each call. */
        private <T extends Statement> T statement(Class<T> type, Statement target, String prepared) {
            int[] batched = {0};
            String[] batchSql = {prepared};
            return proxy(type, target, (method, args) -> {
                String name = method.getName();
                if (name.equals("addBatch")) {
                    batched[0]++;
                    if (args != null) {
                        batchSql[0] = (String) args[0];
                    }
                } else if (name.equals("clearBatch")) {
                    batched[0] = 0;
                } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    statements.record(batchSql[0], batched[0]);
                    batched[0] = 0;
                } else if (name.startsWith("execute")) {
                    statements.record(args != null && args.length > 0 ? (String) args[0] : prepared, 1);
                }
                return invoke(target, method, args);
            });
        }

        private interface Call {
            Object handle(Method method, Object[] args) throws Throwable;
        }

        /** Equality is the proxy's own: a connection holder compares the connection it was given. */
        private static <T> T proxy(Class<T> type, Object target, Call call) {
            InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> call.handle(method, args);
            };
            return type.cast(Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
