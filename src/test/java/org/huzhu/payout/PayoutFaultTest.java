package org.huzhu.payout;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.require;

/**
 * Exactly once, checked against the database: whatever fails or runs twice, every approved
 * claim ends with one confirmed instruction and one payment, and every batch adds up to its
 * total line.
 */
@HuzhuIntegrationTest
class PayoutFaultTest {

    static final String RETURNED_ACCOUNT = "6222000000000000017";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;
    @Autowired
    PaymentBatches batches;
    @Autowired
    BankResults results;
    @Autowired
    UnreliableBankConnection.Dropping bank;
    @Autowired
    PayoutSettings settings;
    @Autowired
    Payouts payouts;
    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void everyBatchAddsUpAndNoClaimIsPaidTwice() throws Exception {
        assertThat(jdbc.sql("""
                select count(*) from payment_batch b
                where b.total <> (select sum(amount) from payment_instruction i where i.batch_id = b.id)
                   or b.line_count <> (select count(*) from payment_instruction i where i.batch_id = b.id)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from (select claim_id from payment_instruction where status = 'CONFIRMED' group by claim_id having count(*) > 1) t")
                .query(Long.class).single()).isZero();
        try (Stream<Path> files = Files.list(settings.outbox())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(file);
                BigDecimal sum = lines.stream().filter(l -> l.startsWith("D,"))
                        .map(l -> new BigDecimal(l.split(",")[5])).reduce(BigDecimal.ZERO, BigDecimal::add);
                String[] total = lines.get(lines.size() - 1).split(",");
                assertThat(total[0]).isEqualTo("T");
                assertThat(new BigDecimal(total[2])).as(file.toString()).isEqualByComparingTo(sum);
                assertThat(Integer.parseInt(total[1])).isEqualTo(lines.size() - 2);
            }
        }
    }

    @Test
    void anApprovedClaimWaitsForTheBankAndIsPaidByTheBatch() {
        long id = api.approvedClaim("6222021234567890128");
        runClaim(id);
        JsonNode waiting = api.get("clerk", "/api/claims/" + id).body();
        assertThat(waiting.get("status").asText()).isEqualTo("PAYOUT");
        JsonNode pending = waiting.get("payments").get(0);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get("amount").asText()).isEqualTo("1300.00");
        assertThat(pending.get("funders").get(0).get("code").asText()).isEqualTo("DEMO");
        assertThat(pending.get("funders").get(0).get("amount").asText()).isEqualTo("1300.00");

        Jobs.runDue(management, TestClaims.processOf(jdbc, id));
        JsonNode paid = api.get("clerk", "/api/claims/" + id).body();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("payments").get(0).get("status").asText()).isEqualTo("CONFIRMED");
        assertPaidOnce(id);
        long instruction = paid.get("payments").get(0).get("id").asLong();
        assertThat(jdbc.sql("select to_status from payment_instruction_event where instruction_id = :id order by id")
                .param("id", instruction).query(String.class).list())
                .containsExactly("PENDING", "IN_BATCH", "SENT", "CONFIRMED");
    }

    @Test
    void theAppDiesAfterTheFileIsWrittenBeforeItIsRecordedAndTheRerunPaysOnce() {
        long id = api.approvedClaim("6222021234567890128");
        runClaim(id);
        long batch = batches.collect().orElseThrow();
        bank.dropConnectionAfterNextUpload();
        assertThatThrownBy(batches::send).hasStackTraceContaining("连接中断");
        assertThat(batchStatus(batch)).isEqualTo("CREATED");
        assertThat(Files.exists(settings.outbox().resolve(fileName(batch)))).isTrue();

        results.read();
        assertThat(batches.send()).isEqualTo(1);
        results.read();
        assertThat(batchStatus(batch)).isEqualTo("SENT");
        assertThat(claimStatus(id)).isEqualTo("PAID");
        assertPaidOnce(id);
    }

    @Test
    void aResultFileReadAgainPaysNobodyTwice() throws Exception {
        long id = api.approvedClaim("6222021234567890128");
        Jobs.runDue(management, TestClaims.processOf(jdbc, id));
        results.read();
        assertPaidOnce(id);
        Path read = settings.inbox().resolve("read");
        try (Stream<Path> files = Files.list(read)) {
            for (Path file : files.toList()) {
                Files.copy(file, settings.inbox().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(file, settings.inbox().resolve("copy-" + file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(results.read()).isZero();
        assertThat(results.read()).isZero();
        assertPaidOnce(id);
    }

    @Test
    void twoNodesRunningTheBatchAtOncePayEachClaimOnce() throws Exception {
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long id = api.approvedClaim("6222021234567890128");
            runClaim(id);
            claims.add(id);
        }
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(nodes.submit(() -> {
                start.await();
                batches.collect();
                batches.send();
                results.read();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        nodes.shutdown();
        results.read();
        for (long id : claims) {
            assertThat(claimStatus(id)).isEqualTo("PAID");
            assertPaidOnce(id);
        }
        assertThat(jdbc.sql("select count(distinct batch_id) from payment_instruction where claim_id in (:ids)")
                .param("ids", claims).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClaimReachingPayoutWhileTheBatchIsMadeWaitsForTheNextBatch() throws Exception {
        long first = api.approvedClaim("6222021234567890128");
        runClaim(first);
        long second = api.approvedClaim("6222021234567890128");
        ExecutorService node = Executors.newSingleThreadExecutor();
        Future<java.util.Optional<Long>> collected;
        // the batch run is held after it read what is pending, until the second claim has reached payout
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("lock table payment_batch in share mode");
            collected = node.submit(batches::collect);
            while (jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like 'insert into payment_batch%'""")
                    .query(Long.class).single() == 0) {
                assertThat(collected.isDone()).as("the batch run waits for the table").isFalse();
                Thread.sleep(20);
            }
            runClaim(second);
            assertThat(instructionStatus(second)).isEqualTo("PENDING");
            holder.rollback();
        }
        long batch = collected.get().orElseThrow();
        node.shutdown();
        assertThat(jdbc.sql("select claim_id from payment_instruction where batch_id = :batch").param("batch", batch)
                .query(Long.class).list()).containsExactly(first);
        assertThat(instructionStatus(second)).isEqualTo("PENDING");
        long next = batches.collect().orElseThrow();
        assertThat(jdbc.sql("select claim_id from payment_instruction where batch_id = :batch").param("batch", next)
                .query(Long.class).list()).containsExactly(second);
    }

    private String instructionStatus(long claimId) {
        return jdbc.sql("select status from payment_instruction where claim_id = :id").param("id", claimId)
                .query(String.class).single();
    }

    @Test
    void aFailedBatchStepIsRetriedByTheEngineAndARepeatedPayOutOrdersNothingMore() {
        long id = api.approvedClaim("6222021234567890128");
        String process = TestClaims.processOf(jdbc, id);
        Job payOut = management.createJobQuery().processInstanceId(process).activityId("PayOut").singleResult();
        management.executeJob(payOut.getId());
        // the job's work done again, as by another node after the job's lock timed out
        payouts.instruct(id);
        assertThat(jdbc.sql("select count(*) from payment_instruction where claim_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);

        bank.dropConnectionAfterNextUpload();
        assertThatThrownBy(() -> Jobs.runPaymentBatch(management)).hasStackTraceContaining("连接中断");
        Job failed = management.createJobQuery().processDefinitionKey("payment-batch").messages().singleResult();
        assertThat(failed.getExceptionMessage()).contains("连接中断");
        management.executeJob(failed.getId());
        List<Job> next = management.createJobQuery().processDefinitionKey("payment-batch").messages().list();
        next.forEach(job -> management.executeJob(job.getId()));
        assertThat(claimStatus(id)).isEqualTo("PAID");
        assertPaidOnce(id);
    }

    @Test
    void aReturnedTransferGoesToTheClerkAndIsPaidAfterTheAccountIsFixed() {
        long id = api.approvedClaim(RETURNED_ACCOUNT);
        String process = TestClaims.processOf(jdbc, id);
        Jobs.runDue(management, process);
        JsonNode returned = api.get("clerk", "/api/claims/" + id).body();
        assertThat(returned.get("status").asText()).isEqualTo("PAYOUT");
        assertThat(returned.get("payments").get(0).get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("payments").get(0).get("returnReason").asText()).contains("账户已销户");
        Task fix = taskService.createTaskQuery().processInstanceId(process).singleResult();
        assertThat(fix.getTaskDefinitionKey()).isEqualTo("FixAccount");
        assertThat(taskService.getIdentityLinksForTask(fix.getId())).anyMatch(l -> "clerk-DEMO-A".equals(l.getGroupId()));
        JsonNode clerkTasks = require(api.get("clerk", "/api/tasks?stage=FixAccount"), 200).body();
        assertThat(clerkTasks.findValues("claimId")).extracting(JsonNode::asLong).contains(id);

        Api.Answer bad = api.post("clerk", "/api/claims/" + id + "/bank-account",
                Map.of("bankName", "中国建设银行", "accountNumber", "12ab", "accountName", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Api.fieldCodes(bad)).contains("bankAccount.accountNumber:INVALID_ACCOUNT_NUMBER",
                "bankAccount.accountName:REQUIRED");
        assertThat(api.post("league", "/api/claims/" + id + "/bank-account", newAccount()).status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().processInstanceId(process).singleResult()).isNotNull();

        assertThat(api.post("clerk", "/api/claims/" + id + "/bank-account", newAccount()).status()).isEqualTo(204);
        assertThat(api.post("clerk", "/api/claims/" + id + "/bank-account", newAccount()).status()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from act_hi_varinst where proc_inst_id_ = :p and name_ = 'accountNumber'")
                .param("p", process).query(Long.class).single()).as("the typed account number is not kept in history").isZero();
        assertThat(jdbc.sql("select count(*) from act_hi_detail where proc_inst_id_ = :p and text_ like '%6222021234567890128%'")
                .param("p", process).query(Long.class).single()).isZero();
        Jobs.runDue(management, process);
        JsonNode paid = api.get("clerk", "/api/claims/" + id).body();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("bankAccount").get("accountNumberMasked").asText()).endsWith("0128");
        assertThat(paid.get("payments")).hasSize(2);
        assertThat(paid.get("payments").get(1).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(paid.get("payments").get(1).get("attempt").asInt()).isEqualTo(2);
        assertPaidOnce(id);
        List<String> steps = new ArrayList<>();
        paid.get("history").forEach(h -> steps.add(h.get("step").asText()));
        assertThat(steps).containsSubsequence("LEAGUE_AUDIT", "ACCOUNT_FIXED", "PAID");
        // the member heard of the return once, with the amount, the old account's last digits and the bank's reason
        assertThat(jdbc.sql("select kind || ' ' || message from notification where claim_id = :id order by id")
                .param("id", id).query(String.class).list()).satisfiesExactly(
                received -> assertThat(received).startsWith("CLAIM_RECEIVED "),
                approved -> assertThat(approved).startsWith("CLAIM_APPROVED ").contains("核定补助金"),
                back -> assertThat(back).startsWith("PAYMENT_RETURNED ").contains("元转入尾号0017的银行账户时被银行退回（")
                        .contains("账户已销户").contains("请尽快到代办点核对并更正银行账户"),
                paidMessage -> assertThat(paidMessage).startsWith("PAID ").contains("尾号0128"));
        assertThat(jdbc.sql("select params ->> 'account' from notification where claim_id = :id and kind = 'PAYMENT_RETURNED'")
                .param("id", id).query(String.class).single()).isEqualTo("0017");
    }

    private static Map<String, Object> newAccount() {
        Map<String, Object> account = new HashMap<>();
        account.put("bankName", "中国工商银行");
        account.put("accountNumber", "6222021234567890128");
        account.put("accountName", "会员本人");
        return account;
    }

    private void runClaim(long id) {
        String process = TestClaims.processOf(jdbc, id);
        management.createJobQuery().processInstanceId(process).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private void assertPaidOnce(long id) {
        assertThat(jdbc.sql("select count(*) from payment where claim_id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from payment_instruction where claim_id = :id and status = 'CONFIRMED'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :id and step = 'PAID'").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    private String claimStatus(long id) {
        return jdbc.sql("select status from claim where id = :id").param("id", id).query(String.class).single();
    }

    private String batchStatus(long batch) {
        return jdbc.sql("select status from payment_batch where id = :id").param("id", batch).query(String.class).single();
    }

    private String fileName(long batch) {
        return jdbc.sql("select file_name from payment_batch where id = :id").param("id", batch).query(String.class).single();
    }
}
