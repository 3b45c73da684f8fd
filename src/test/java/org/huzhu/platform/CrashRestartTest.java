package org.huzhu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The app as it is run, in its own JVM on the embedded default (random database port, data
 * kept in its directory), killed with SIGKILL while payouts run and started again the same
 * way: it starts, and every approved claim is paid exactly once. Only the data directories,
 * the HTTP port and the simulated bank's cycle (every 5 s instead of every minute, so the
 * test does not wait minutes) are set.
 */
class CrashRestartTest {

    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL on port (\\d+)");
    private static final Duration START = Duration.ofMinutes(3);

    /** Under target/, so the app's logs stay to be read when the test fails. */
    private final Path home = Path.of("target", "crash-restart").toAbsolutePath();
    private HuzhuProcess app;

    @BeforeEach
    void cleanHome() throws IOException {
        FileSystemUtils.deleteRecursively(home);
        Files.createDirectories(home);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void killedWhilePayingItStartsAgainAndPaysEveryClaimOnce() throws Exception {
        int port = HuzhuProcess.freePort();
        app = start(port, home.resolve("first.log"));
        Api api = app.api("demo");

        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claims.add(require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                    .body().get("id").asLong());
        }
        for (long claim : claims) {
            require(api.decide("agency", claim, "APPROVE", null), 200);
        }
        for (long claim : claims.subList(0, 4)) {
            require(api.decide("league", claim, "APPROVE", null), 200);
        }
        api.awaitStatus("clerk", claims.get(0), "PAID", Duration.ofSeconds(60));
        for (long claim : claims.subList(4, 8)) {
            require(api.decide("league", claim, "APPROVE", null), 200);
        }
        // the later four are on their way to the bank: their payout jobs and the next batch
        app.process().destroyForcibly();
        assertThat(app.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        app = start(port, home.resolve("second.log"));
        for (long claim : claims) {
            // a payout job the killed JVM had locked waits for its lock to expire (a minute)
            api.awaitStatus("clerk", claim, "PAID", Duration.ofSeconds(150));
        }
        int databasePort = databasePort(home.resolve("second.log"));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                "postgres", "")) {
            for (long claim : claims) {
                assertThat(count(db, "select count(*) from huzhu.payment where claim_id = " + claim))
                        .as("payments of claim %d", claim).isEqualTo(1);
                assertThat(count(db, "select count(*) from huzhu.payment_instruction where claim_id = " + claim))
                        .as("payment instructions of claim %d", claim).isEqualTo(1);
            }
            assertThat(count(db, "select count(*) from act_re_deployment")).as("deployments after a restart").isEqualTo(1);
        }
    }

    private HuzhuProcess start(int port, Path log) throws IOException, InterruptedException {
        return HuzhuProcess.start(port, log, "--huzhu.embedded-database.directory=" + home.resolve("postgres"),
                "--huzhu.payout.directory=" + home.resolve("bank"),
                "--huzhu.payout.demo-batch-cycle=0/5 * * * * ?").awaitHealthy(START);
    }

    private static int databasePort(Path log) throws IOException {
        Matcher port = DATABASE_PORT.matcher(Files.readString(log));
        assertThat(port.find()).as("the database port in the log").isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static long count(Connection db, String sql) throws java.sql.SQLException {
        try (ResultSet row = db.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
