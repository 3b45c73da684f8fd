package org.huzhu.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.huzhu.HuzhuApplication;
import org.huzhu.scheme.ClaimFacts;
import org.huzhu.scheme.Expenses;
import org.huzhu.scheme.MemberStanding;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.SubsidyCalculator;
import org.huzhu.support.EngineTime;
import org.huzhu.support.Statements;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark: {@code mvn -Pbench verify [-Dbench.size=small|medium|full]}. Starts Huzhu
 * on the PostgreSQL of {@code SPRING_DATASOURCE_URL}, else on an embedded one with fsync and
 * synchronous commit on, runs the four scenarios, prints a table and writes
 * {@code target/bench/results.json}.
 */
public final class Bench {

    private final BenchSize size;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();

    private Bench(BenchSize size) {
        this.size = size;
    }

    public static void main(String[] args) throws IOException {
        run(System.getProperty("bench.size", "full"), Path.of("target", "bench"));
    }

    /** Runs every scenario and returns the results also written to {@code results.json} in the folder. */
    public static Map<String, Object> run(String size, Path folder) throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        Bench bench = new Bench(BenchSize.of(size));
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext app = start()) {
            bench.startedUp(app, starting);
            bench.runAll(app);
            bench.memory();
        }
        Files.createDirectories(folder);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve("results.json").toFile(), bench.results);
        System.out.println(String.join(System.lineSeparator(), bench.table));
        return bench.results;
    }

    /** Huzhu as deployed, with its job executor; the embedded database is throw-away and durable. */
    private static ConfigurableApplicationContext start() {
        // arguments, so they win over application.yml; an engine name of its own leaves the
        // engine "default" of a test context in the same JVM registered
        return new SpringApplicationBuilder(HuzhuApplication.class, Statements.class).run("--server.port=0",
                "--camunda.bpm.process-engine-name=bench",
                "--huzhu.embedded-database.directory=", "--huzhu.embedded-database.durable=true",
                // a server database has no demo users; the first administrator is the bench's own
                "--huzhu.security.initial-admin.id=bench-admin",
                "--huzhu.security.initial-admin.password=" + java.util.UUID.randomUUID(),
                "--logging.level.root=warn", "--logging.level.org.huzhu.bench=info");
    }

    /**
     * Start-up until the health check answers UP, from the application's start and from the
     * JVM's (this JVM is new, so both are cold starts: no warm start is measured).
     */
    private void startedUp(ConfigurableApplicationContext app, long startingNanos) {
        Http http = new Http(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
        Workers.await("the health check answering UP", () -> http.anonymousStatus("/actuator/health") == 200);
        double startup = round((System.nanoTime() - startingNanos) / 1e9);
        double sinceJvm = round(ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        results.put("startup_to_healthy_s", startup);
        results.put("jvm_start_to_healthy_s", sinceJvm);
        row("start-up to healthy s (application / JVM)", startup + " / " + sinceJvm);
    }

    /**
     * After every scenario: the resident size of this JVM (Huzhu and the harness, with the heap
     * limit of the bench profile), the live heap after a collection, and the collections' time.
     */
    private void memory() throws IOException {
        long gcMillis = 0;
        long collections = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, collector.getCollectionTime());
            collections += Math.max(0, collector.getCollectionCount());
        }
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("heap_max_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        memory.put("heap_live_after_gc_mb", heap.getUsed() / (1024 * 1024));
        memory.put("resident_mb", residentMegabytes());
        memory.put("gc_time_s", round(gcMillis / 1e3));
        memory.put("gc_collections", collections);
        memory.put("jvm_uptime_s", round(ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
        results.put("memory", memory);
        row("memory", memory);
    }

    /** VmRSS of this process from /proc (Linux); -1 elsewhere. */
    private static long residentMegabytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    private void runAll(ConfigurableApplicationContext app) throws IOException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        Http http = new Http(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
        results.put("size", size.name());
        results.put("database", database(jdbc));
        results.put("cores", Runtime.getRuntime().availableProcessors());
        row("database", results.get("database"));

        long start = System.nanoTime();
        BenchSetup setup = new BenchSetup(app, http, size.agencies(), size.membersPerAgency());
        setup.staffAndRules();
        setup.membersOverApi();
        // Agency 0 takes a whole level, half of the next and a quarter of the last, plus warm-up.
        setup.lifecycleClaimants(Lifecycle.workerCounts().get(Lifecycle.workerCounts().size() - 1),
                2 * size.claimsPerLevel() + warmUp(size) + counted(size));
        Statements statements = app.getBean(Statements.class);
        Lifecycle lifecycle = new Lifecycle(http, JdbcClient.create(Statements.uncounted(app.getBean(DataSource.class))),
                setup, statements);
        setup.claimsInEveryStage(lifecycle);
        phase("setup over the API", start);
        start = System.nanoTime();
        throughput(app, jdbc, http, lifecycle, statements);
        phase("scenarios 1 and 2", start);
        start = System.nanoTime();
        scale(app, http, jdbc, setup);
        phase("bulk load and scenario 3", start);
        quotes(app);
    }

    private static String database(JdbcClient jdbc) {
        String settings = "PostgreSQL " + jdbc.sql("show server_version").query(String.class).single()
                + ", fsync " + jdbc.sql("show fsync").query(String.class).single()
                + ", synchronous_commit " + jdbc.sql("show synchronous_commit").query(String.class).single();
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return (url == null || url.isBlank() ? "embedded (zonky), throw-away data directory" : "server " + url)
                + ", " + settings;
    }

    private static int warmUp(BenchSize size) {
        return Math.max(4, size.claimsPerLevel() / 10);
    }

    /** Claims and instances whose statements are counted, one at a time, after the timed levels. */
    private static int counted(BenchSize size) {
        return Math.min(20, size.claimsPerLevel());
    }

    /** Scenarios 1 and 2, level by level, so both sides see the same machine at the same moment. */
    private void throughput(ConfigurableApplicationContext app, JdbcClient jdbc, Http http, Lifecycle lifecycle,
                            Statements statements) {
        ProcessEngine huzhuEngine = app.getBean(ProcessEngine.class);
        ProcessEngineConfigurationImpl settings = (ProcessEngineConfigurationImpl) huzhuEngine.getProcessEngineConfiguration();
        results.put("engine_settings", Map.of("history", settings.getHistory(),
                "historyRemovalTimeStrategy", settings.getHistoryRemovalTimeStrategy(),
                "jobExecutorAcquireByDueDate", settings.isJobExecutorAcquireByDueDate()));
        BareEngine bare = new BareEngine(huzhuEngine, statements);
        StockRest stockRest = new StockRest(app, http, statements);
        ProcessEngine defaultsEngine = BareEngine.withCamundaDefaults(app.getBean(DataSource.class), jdbc, statements);
        try {
            BareEngine bareDefaults = new BareEngine(defaultsEngine, statements);
            int warmUp = warmUp(size);
            lifecycle.claimsPerSecond(2, warmUp);
            bare.instancesPerSecond(2, warmUp);
            bareDefaults.instancesPerSecond(2, warmUp);
            stockRest.instancesPerSecond(2, warmUp);
            Map<String, Double> life = new LinkedHashMap<>();
            Map<String, Double> bareSame = new LinkedHashMap<>();
            Map<String, Double> bareDefault = new LinkedHashMap<>();
            Map<String, Double> stock = new LinkedHashMap<>();
            for (int workers : Lifecycle.workerCounts()) {
                String level = String.valueOf(workers);
                life.put(level, round(lifecycle.claimsPerSecond(workers, size.claimsPerLevel())));
                bareSame.put(level, round(bare.instancesPerSecond(workers, size.claimsPerLevel())));
                bareDefault.put(level, round(bareDefaults.instancesPerSecond(workers, size.claimsPerLevel())));
                stock.put(level, round(stockRest.instancesPerSecond(workers, size.claimsPerLevel())));
                row("lifecycle claims/s, " + workers + " workers", life.get(level));
                row("bare instances/s (Huzhu settings), " + workers + " workers", bareSame.get(level));
                row("bare instances/s (Camunda defaults), " + workers + " workers", bareDefault.get(level));
                row("stock REST instances/s (Basic, authorizations), " + workers + " workers", stock.get(level));
            }
            double lifeBest = best(life);
            double bareBest = best(bareSame);
            double defaultsBest = best(bareDefault);
            double stockBest = best(stock);
            results.put("lifecycle_claims_per_s", lifeBest);
            results.put("bare_instances_per_s", bareBest);
            results.put("bare_defaults_instances_per_s", defaultsBest);
            results.put("stock_rest_instances_per_s", stockBest);
            results.put("lifecycle_vs_stock_rest", round(lifeBest / stockBest));
            results.put("lifecycle_vs_bare", round(lifeBest / bareBest));
            results.put("lifecycle_vs_bare_defaults", round(lifeBest / defaultsBest));
            results.put("lifecycle_claims_per_s_by_workers", life);
            results.put("bare_instances_per_s_by_workers", bareSame);
            results.put("bare_defaults_instances_per_s_by_workers", bareDefault);
            results.put("stock_rest_instances_per_s_by_workers", stock);
            results.put("claims_per_level", size.claimsPerLevel());
            row("lifecycle_vs_stock_rest (best of 1/2/4 workers each)", results.get("lifecycle_vs_stock_rest"));
            row("lifecycle_vs_bare", results.get("lifecycle_vs_bare"));
            row("lifecycle_vs_bare_defaults", results.get("lifecycle_vs_bare_defaults"));
            results.put("lifecycle_mean_step_ms", lifecycle.meanStepMillis());
            results.put("lifecycle_second_audits", lifecycle.secondAudits());
            row("lifecycle mean ms per step (all levels)", results.get("lifecycle_mean_step_ms"));
            Map<String, Runnable> scenarios = new LinkedHashMap<>();
            scenarios.put("lifecycle", () -> lifecycle.claimUntilPaid(0));
            scenarios.put("bare", bare::oneInstance);
            scenarios.put("bare_defaults", bareDefaults::oneInstance);
            scenarios.put("stock_rest", stockRest::oneInstance);
            statementCounts(statements, scenarios);
        } finally {
            defaultsEngine.close();
        }
    }

    /**
     * Statements and round trips per claim or instance, each scenario on its own, one unit at a
     * time (Statements counts by step across threads); the mean of the counted units.
     */
    private void statementCounts(Statements statements, Map<String, Runnable> scenarios) {
        int units = counted(size);
        Map<String, Object> perStep = new LinkedHashMap<>();
        Map<String, Object> roundTripsPerStep = new LinkedHashMap<>();
        Map<String, Double> perUnit = new LinkedHashMap<>();
        for (Map.Entry<String, Runnable> entry : scenarios.entrySet()) {
            String scenario = entry.getKey();
            statements.begin(Lifecycle.Step.UNTIL_HANDED_TO_BANK.label());
            for (int i = 0; i < units; i++) {
                entry.getValue().run();
            }
            Statements.Measurement measured = statements.end();
            perStep.put(scenario, perUnit(measured.statements(), units));
            roundTripsPerStep.put(scenario, perUnit(measured.roundTrips(), units));
            perUnit.put(scenario, round((double) measured.totalStatements() / units));
            perUnit.put(scenario + "_round_trips", round((double) measured.totalRoundTrips() / units));
            row("statements per unit, " + scenario + " (round trips)", perStep.get(scenario) + " ("
                    + roundTripsPerStep.get(scenario) + ")");
            if (scenario.equals("lifecycle")) {
                results.put("lifecycle_top_statements", perUnit(measured.top(10), units));
            }
        }
        results.put("statements_per_claim", perUnit.get("lifecycle"));
        results.put("round_trips_per_claim", perUnit.get("lifecycle_round_trips"));
        results.put("bare_statements_per_instance", perUnit.get("bare"));
        results.put("bare_round_trips_per_instance", perUnit.get("bare_round_trips"));
        results.put("statements_per_claim_ratio", round(perUnit.get("lifecycle") / perUnit.get("bare")));
        results.put("statements_per_unit", perUnit);
        results.put("statements_per_step", perStep);
        results.put("round_trips_per_step", roundTripsPerStep);
        results.put("statements_counted_units", units);
        row("statements_per_claim / bare (goal <= 2)", results.get("statements_per_claim_ratio"));
    }

    private static Map<String, Double> perUnit(Map<String, Long> counts, int units) {
        Map<String, Double> means = new LinkedHashMap<>();
        counts.forEach((key, count) -> means.put(key, round((double) count / units)));
        return means;
    }

    /** Scenario 3 on the bulk: task lists, claim details, submissions, the supervisors' views. */
    private void scale(ConfigurableApplicationContext app, Http http, JdbcClient jdbc, BenchSetup setup) {
        long loadStart = System.nanoTime();
        // the application's 30 s statement timeout is for requests, not for loading a million rows
        JdbcTemplate untimed = new JdbcTemplate(app.getBean(DataSource.class));
        new BulkHistory(JdbcClient.create(untimed), untimed, size.agencies(), size.bulkMembers()).load(size.openClaims(), size.closedClaims());
        results.put("bulk_load_s", round((System.nanoTime() - loadStart) / 1e9));
        phase("bulk load", loadStart);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("open_claims", jdbc.sql("select count(*) from claim where status not in ('PAID', 'REJECTED')")
                .query(Long.class).single());
        dataset.put("closed_claims", jdbc.sql("select count(*) from claim where status in ('PAID', 'REJECTED')")
                .query(Long.class).single());
        dataset.put("work_items", jdbc.sql("select count(*) from work_item").query(Long.class).single());
        dataset.put("members", jdbc.sql("select count(*) from member").query(Long.class).single());
        dataset.put("enrolments", jdbc.sql("select count(*) from enrolment").query(Long.class).single());
        dataset.put("units", jdbc.sql("select count(*) from unit").query(Long.class).single());
        dataset.put("agencies", size.agencies());
        dataset.put("engine_process_instances", jdbc.sql("select count(*) from act_hi_procinst").query(Long.class).single());
        results.put("dataset", dataset);
        row("dataset", dataset);

        // what any signed-in request costs (HTTP Basic checked against the identity service), for scale
        double[] signedIn = Latencies.time(size.samples(), i -> http.get(BenchSetup.SUPERVISOR, "/api/calendar/2026"));
        long maxClaim = jdbc.sql("select max(id) from claim").query(Long.class).single();
        int agencies = size.agencies();
        double[] leagueList = Latencies.time(size.samples(), i -> http.get(BenchSetup.LEAGUE, "/api/tasks"));
        double[] agencyList = Latencies.time(size.samples(),
                i -> http.get(BenchSetup.auditor(i % agencies), "/api/tasks"));
        double[] taskList = Latencies.concat(List.of(leagueList, agencyList));
        double[] detail = Latencies.time(size.samples(),
                i -> http.get(BenchSetup.SUPERVISOR, "/api/claims/" + (1 + (i * 7919L) % maxClaim)));
        double[] submit = Latencies.time(size.samples(), i -> http.post(BenchSetup.clerk(i % agencies), "/api/claims",
                setup.claim(i % agencies, i / agencies, BenchSetup.ALL_DOCUMENTS), 201));
        List<double[]> views = new ArrayList<>();
        Map<String, Object> viewP95 = new LinkedHashMap<>();
        for (String view : Latencies.SLA_VIEWS) {
            double[] millis = Latencies.time(Math.max(10, size.samples() / 2), i -> http.get(BenchSetup.SUPERVISOR, view));
            views.add(millis);
            viewP95.put(view, round(Latencies.percentile(millis, 95)));
        }
        List<double[]> statistics = new ArrayList<>();
        Map<String, Object> statisticsP95 = new LinkedHashMap<>();
        int lastYear = java.time.LocalDate.now(org.huzhu.platform.Beijing.ZONE).getYear() - 1;
        for (String view : Latencies.statisticsViews(lastYear)) {
            double[] millis = Latencies.time(Math.max(10, size.samples() / 4), i -> http.get(BenchSetup.SUPERVISOR, view));
            statistics.add(millis);
            statisticsP95.put(view, round(Latencies.percentile(millis, 95)));
        }
        // the roll-ups' members enrolled at full size against a distinct count over the enrolments
        Map<String, Object> reconciled = new LinkedHashMap<>();
        for (int first : List.of(lastYear, lastYear - 2)) {
            String period = "from=" + first + "-01&to=" + lastYear + "-12";
            long counted = jdbc.sql("""
                    select count(distinct member_id) from enrolment
                    where scheme = 'INPATIENT' and valid_from <= make_date(:last, 12, 31) and valid_to >= make_date(:first, 1, 1)""")
                    .param("first", first).param("last", lastYear).query(Long.class).single();
            long answered = http.get(BenchSetup.SUPERVISOR, "/api/statistics/summary?scheme=INPATIENT&" + period)
                    .get("membersEnrolled").asLong();
            if (answered != counted) {
                throw new IllegalStateException("statistics: " + answered + " members enrolled in " + period
                        + ", the enrolments have " + counted);
            }
            reconciled.put(period, answered);
        }
        results.put("statistics_members_enrolled", reconciled);
        List<double[]> claimLists = new ArrayList<>();
        Map<String, Object> claimsListP95 = new LinkedHashMap<>();
        for (String view : Latencies.CLAIMS_LIST) {
            double[] millis = Latencies.time(Math.max(10, size.samples() / 4), i -> http.get(BenchSetup.LEAGUE, view));
            claimLists.add(millis);
            claimsListP95.put(view, round(Latencies.percentile(millis, 95)));
        }
        claimLists.add(Latencies.time(Math.max(10, size.samples() / 4),
                i -> http.get(BenchSetup.auditor(i % agencies), "/api/claims")));
        claimsListP95.put("/api/claims (agency auditors)", round(Latencies.percentile(claimLists.get(claimLists.size() - 1), 95)));
        latency("signed_in_baseline", signedIn);
        latency("tasklist", taskList);
        latency("tasklist_league", leagueList);
        latency("tasklist_agency", agencyList);
        latency("claim_detail", detail);
        latency("submit", submit);
        latency("sla_views", Latencies.concat(views));
        results.put("sla_view_p95_ms", viewP95);
        viewP95.forEach((view, p95) -> row("  p95 ms " + view, p95));
        latency("statistics_views", Latencies.concat(statistics));
        results.put("statistics_view_p95_ms", statisticsP95);
        statisticsP95.forEach((view, p95) -> row("  p95 ms " + view, p95));
        row("statistics members enrolled (= distinct count)", reconciled);
        latency("claims_list", Latencies.concat(claimLists));
        results.put("claims_list_view_p95_ms", claimsListP95);
        claimsListP95.forEach((view, p95) -> row("  p95 ms " + view, p95));
    }

    private void latency(String name, double[] millis) {
        double p50 = round(Latencies.percentile(millis, 50));
        double p95 = round(Latencies.percentile(millis, 95));
        results.put(name + "_p50_ms", p50);
        results.put(name + "_p95_ms", p95);
        row(name + " p50 / p95 ms", p50 + " / " + p95);
    }

    /** Scenario 4: the calculation alone, in-process, on the bench's rules and varying figures. */
    private void quotes(ConfigurableApplicationContext app) {
        LocalDate admission = EngineTime.today().minusDays(15);
        RuleSetDefinition rules = app.getBean(RuleSets.class).inForce("INPATIENT", BenchSetup.ORGANISER, admission)
                .orElseThrow().definition();
        MemberStanding standing = new MemberStanding(LocalDate.of(2019, 10, 16), new BigDecimal("95000.00"), 3, Set.of());
        long end = System.nanoTime() + size.quoteSeconds() * 1_000_000_000L;
        long start = System.nanoTime();
        long quotes = 0;
        BigDecimal checksum = BigDecimal.ZERO;
        while (System.nanoTime() < end) {
            BigDecimal scope = BigDecimal.valueOf(100_000 + quotes % 1_000_000, 2);
            ClaimFacts facts = new ClaimFacts(admission, admission.plusDays(10), new Expenses(scope.add(BigDecimal.TEN),
                    scope, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), null, null);
            checksum = checksum.add(SubsidyCalculator.calculate(rules, facts, standing).subsidy());
            quotes++;
        }
        double perSecond = quotes / ((System.nanoTime() - start) / 1e9);
        results.put("quote_per_s", Math.round(perSecond));
        row("quotes/s (in-process, one thread; checksum " + checksum.signum() + ")", Math.round(perSecond));
    }

    private void phase(String name, long startNanos) {
        row("  (" + name + " took " + Math.round((System.nanoTime() - startNanos) / 1e9) + " s)", "");
    }

    private void row(String name, Object value) {
        String line = String.format("%-62s %s", name, value);
        table.add(line);
        System.out.println("[bench] " + line);
    }

    private static double best(Map<String, Double> byWorkers) {
        return byWorkers.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
