package org.huzhu.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.huzhu.papers.CheckedPaper;
import org.huzhu.papers.PaperChecks;
import org.huzhu.papers.PaperSettings;
import org.huzhu.papers.PaperSweep;
import org.huzhu.papers.PaperUpload;
import org.huzhu.papers.Papers;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.TestClaims;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.require;
import static org.huzhu.support.PaperFiles.file;
import static org.huzhu.support.PaperFiles.upload;

/**
 * The retention rule and the sweep on the app, PostgreSQL and the disk store, with closed claims'
 * files kept for two years and the default grace of a day; each test runs the sweep itself.
 * Its own application (the rule is configuration), whose engine has its own name: engines are
 * registered by name for the whole JVM, and under "default" this one would answer the shared
 * test application's Tasklist and /engine-rest after this test ran (as in DatabaseOutageTest).
 */
@HuzhuIntegrationTest
@TestPropertySource(properties = {"huzhu.papers.retention.closed-claims-for=P2Y",
        "camunda.bpm.process-engine-name=retention"})
class ClaimPaperRetentionTest {

    /** The engine leaves the JVM's registry, so the shared application's webapps find only their own again. */
    @AfterAll
    static void unregisterEngine() {
        ProcessEngine engine = ProcessEngines.getProcessEngine("retention");
        if (engine != null) {
            ProcessEngines.unregister(engine);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PaperSettings settings;
    @Autowired
    PaperChecks checks;
    @Autowired
    Papers papers;
    @Autowired
    Clock clock;
    @Autowired
    ClaimPaperRetention retention;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void bytesOfAnUploadThatRolledBackGoOnceOlderThanTheGraceAndNamedBytesStay() throws IOException {
        Api api = new Api(rest);
        byte[] kept = PaperFiles.image("png", 300, 200, 101);
        long claim = submit(api, kept);
        CheckedPaper rolledBack = checked(PaperFiles.image("png", 300, 200, 102));
        // the claim's transaction fails after the bytes were written, as a crash before the commit would
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            papers.store(claim, List.of(rolledBack), "clerk", clock.instant());
            throw new IllegalStateException("the claim's transaction fails");
        })).hasMessage("the claim's transaction fails");
        Path unnamed = stored(rolledBack.sha256());
        assertThat(unnamed).as("bytes written before the rollback").exists();
        assertThat(rowsNaming(rolledBack.sha256())).isZero();
        Path crashed = Files.write(unnamed.resolveSibling(".incoming-crashed.part"), new byte[100]);
        Path writing = Files.write(unnamed.resolveSibling(".incoming-writing.part"), new byte[100]);

        retention.run();
        assertThat(unnamed).as("younger than the grace: an upload may still be under way").exists();
        assertThat(crashed).exists();

        // two days before the app's clock, which the tests run behind the machine's (EngineTime)
        Instant twoDaysAgo = clock.instant().minus(Duration.ofDays(2));
        Files.setLastModifiedTime(unnamed, FileTime.from(twoDaysAgo));
        Files.setLastModifiedTime(crashed, FileTime.from(twoDaysAgo));
        Files.setLastModifiedTime(stored(sha256Of(claim, 0)), FileTime.from(twoDaysAgo));
        // a counter form's file, uploaded two days ago in a form never sent
        String form = java.util.UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into paper (intake_key, kind, original_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
                        values (:form::uuid, 'INVOICE', 'abandoned.png', 'image/png', 1, :hash, 'clerk', :at)""")
                .param("form", form).param("hash", sha256Of(claim, 0)).param("at", java.sql.Timestamp.from(twoDaysAgo)).update();
        ClaimPaperRetention.Outcome outcome = retention.run();
        assertThat(jdbc.sql("select count(*) from paper where intake_key = :form::uuid").param("form", form)
                .query(Long.class).single()).as("the abandoned form's file").isZero();
        assertThat(unnamed).doesNotExist();
        assertThat(crashed).doesNotExist();
        assertThat(writing).as("a write under way").exists();
        assertThat(stored(sha256Of(claim, 0))).as("named by the open claim's file, however old").exists();
        assertThat(outcome.swept()).isEqualTo(new PaperSweep.Swept(1, 1, 1));
        assertThat(require(api.get("clerk", "/api/claims/" + claim + "/papers"), 200).body().get("papers")).hasSize(1);
    }

    @Test
    void closedClaimsFilesGoAfterTheRetentionPeriodAndAnOpenClaimsStayWithTheBytesItShares() throws IOException {
        Api api = new Api(rest);
        byte[] shared = PaperFiles.image("png", 320, 240, 201);
        byte[] rejectedOnly = PaperFiles.image("png", 320, 240, 202);
        byte[] paidOnly = PaperFiles.image("png", 320, 240, 203);
        long rejected = submit(api, shared, rejectedOnly);
        long open = submit(api, shared);
        long paid = submit(api, paidOnly);
        require(api.decide("agency", rejected, "REJECT", "住院日期与病历不符"), 200);
        require(api.decide("agency", paid, "APPROVE", null), 200);
        require(api.decide("league", paid, "APPROVE", null), 200);
        Jobs.runDue(management, TestClaims.processOf(jdbc, paid));
        assertThat(status(paid)).isEqualTo("PAID");
        List<String> rejectedHashes = List.of(sha256Of(rejected, 0), sha256Of(rejected, 1));
        String paidHash = sha256Of(paid, 0);

        assertThat(retention.run().files()).as("closed today: kept").isZero();
        assertThat(paperRows(rejected, open, paid)).isEqualTo(4);

        OffsetDateTime twoYearsOn = OffsetDateTime.now(clock).plusYears(2).plusDays(1);
        EngineTime.set(twoYearsOn.toString());
        try {
            ClaimPaperRetention.Outcome outcome = retention.run();
            assertThat(outcome.files()).isEqualTo(3);
        } finally {
            EngineTime.reset();
        }
        assertThat(paperRows(rejected)).isZero();
        assertThat(paperRows(paid)).isZero();
        assertThat(paperRows(open)).as("an open claim's file, two years old").isEqualTo(1);
        assertThat(stored(rejectedHashes.get(0))).as("still named by the open claim's file").exists();
        assertThat(stored(rejectedHashes.get(1))).doesNotExist();
        assertThat(stored(paidHash)).doesNotExist();
        assertThat(jdbc.sql("select claim_id || ' ' || actor || ' ' || subject_type || ' ' || reason from audit_event"
                        + " where action = 'PAPER_DELETED' and claim_id in (:claims) order by claim_id, id")
                .param("claims", List.of(rejected, open, paid)).query(String.class).list())
                .containsExactly(rejected + " system PAPER 出院小结：结案已满保存期限（P2Y），文件按保存期限删除",
                        rejected + " system PAPER 出院小结：结案已满保存期限（P2Y），文件按保存期限删除",
                        paid + " system PAPER 出院小结：结案已满保存期限（P2Y），文件按保存期限删除");

        // the claim still says the paper was handed in by file; its page lists no file, its trail the deletion
        assertThat(jdbc.sql("select kind from claim_document where claim_id = :id and evidence = 'FILE'")
                .param("id", rejected).query(String.class).list()).containsExactly("DISCHARGE_SUMMARY");
        org.jsoup.nodes.Document page = WorkbenchSession.signIn(port, "agency").get("/claims/" + rejected).html();
        assertThat(page.select("ul.paper-files li")).isEmpty();
        assertThat(page.select("table.papers").text()).contains("出院小结 已提交");
        assertThat(page.text()).contains("按保存期限删除材料文件");
        assertThat(page.select("#papers p.files-deleted").text())
                .contains("材料文件已于 " + twoYearsOn.atZoneSameInstant(Beijing.ZONE).toLocalDate() + " 按保存期限删除",
                        "2 个文件；结案已满保存期限（P2Y）");
        assertThat(retention.run().files()).as("nothing left to let go").isZero();
    }

    @Test
    void bytesAnUploadIsAboutToNameAreNotSweptUnderIt() throws Exception {
        Api api = new Api(rest);
        long claim = submit(api, PaperFiles.image("png", 300, 200, 301));
        CheckedPaper again = checked(PaperFiles.image("png", 300, 200, 302));
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            papers.store(claim, List.of(again), "clerk", clock.instant());
            throw new IllegalStateException("the first upload fails");
        })).hasMessage("the first upload fails");
        Path bytes = stored(again.sha256());
        Files.setLastModifiedTime(bytes, FileTime.from(clock.instant().minus(Duration.ofDays(2))));

        // the same file sent again finds its bytes stored; its row is not committed yet when the sweep looks
        CountDownLatch storing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    papers.store(claim, List.of(again), "clerk", clock.instant());
                    storing.countDown();
                    await(commit);
                }));
        assertThat(storing.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(retention.run().swept().unnamed()).isZero();
            assertThat(bytes).exists();
        } finally {
            commit.countDown();
        }
        upload.get(30, TimeUnit.SECONDS);
        assertThat(rowsNaming(again.sha256())).isEqualTo(1);
        assertThat(retention.run().swept().unnamed()).isZero();
        assertThat(bytes).exists();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long submit(Api api, byte[]... files) throws IOException {
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "3000.00");
        List<String> kinds = new ArrayList<>();
        List<org.springframework.http.HttpEntity<org.springframework.core.io.ByteArrayResource>> parts = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            kinds.add("DISCHARGE_SUMMARY");
            parts.add(file("出院小结" + i + ".png", files[i]));
        }
        return require(api.post("clerk", "/api/claims", upload(json.writeValueAsString(claim), kinds, parts)), 201)
                .body().get("id").asLong();
    }

    private CheckedPaper checked(byte[] bytes) {
        Problems problems = new Problems();
        List<CheckedPaper> checked = checks.check(List.of(new PaperUpload("file[0]", DocumentKind.DISCHARGE_SUMMARY,
                "出院小结.png", bytes)), problems);
        assertThat(problems.isEmpty()).isTrue();
        return checked.get(0);
    }

    private String sha256Of(long claim, int index) {
        JsonNode list = require(new Api(rest).get("clerk", "/api/claims/" + claim + "/papers"), 200).body();
        return list.get("papers").get(index).get("sha256").asText();
    }

    /** Where the disk store keeps the hash's bytes. */
    private Path stored(String sha256) {
        return settings.directory().resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private long rowsNaming(String sha256) {
        return jdbc.sql("select count(*) from paper where sha256 = :hash").param("hash", sha256).query(Long.class).single();
    }

    private long paperRows(Long... claims) {
        return jdbc.sql("select count(*) from paper where claim_id in (:claims)").param("claims", List.of(claims))
                .query(Long.class).single();
    }

    private String status(long claim) {
        return jdbc.sql("select status from claim where id = :id").param("id", claim).query(String.class).single();
    }
}
