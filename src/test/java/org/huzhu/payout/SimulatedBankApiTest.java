package org.huzhu.payout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.huzhu.audit.AuditTrail;
import org.huzhu.membership.BankAccountNumber;
import org.huzhu.platform.DomainException;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/**
 * An admin closes an account at the demo's simulated bank and reopens it, at run time: the
 * transfer in the next batch comes back as from a closed account and takes the returns flow
 * of today (the clerk fixes the account), and once reopened the account is paid.
 */
@HuzhuIntegrationTest
class SimulatedBankApiTest {

    static final String CLOSED = "/api/admin/simulated-bank/closed-accounts";
    static final String CLOSE = "/api/admin/simulated-bank/accounts/close";
    static final String REOPEN = "/api/admin/simulated-bank/accounts/reopen";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    PayoutSettings settings;
    @Autowired
    AuditTrail audit;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void anAccountClosedAtRunTimeReturnsTheTransferAndIsPaidOnceReopened() throws Exception {
        String account = freshAccountNumber();
        String masked = BankAccountNumber.mask(account);
        Api.Answer closed = require(api.post("admin", CLOSE, Map.of("accountNumber", account)), 200);
        assertThat(listed(closed)).contains(masked + ":ADMIN",
                BankAccountNumber.mask(PayoutFaultTest.RETURNED_ACCOUNT) + ":CONFIGURATION");
        assertThat(listed(require(api.get("admin", CLOSED), 200))).contains(masked + ":ADMIN");

        long id = api.approvedClaim(account);
        String process = TestClaims.processOf(jdbc, id);
        Jobs.runDue(management, process);
        JsonNode returned = api.get("clerk", "/api/claims/" + id).body();
        assertThat(returned.get("status").asText()).isEqualTo("PAYOUT");
        assertThat(returned.get("payments").get(0).get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("payments").get(0).get("returnReason").asText()).contains("账户已销户");

        Api.Answer reopened = require(api.post("admin", REOPEN, Map.of("accountNumber", account)), 200);
        assertThat(listed(reopened)).doesNotContain(masked + ":ADMIN");
        // the member's account takes transfers again: the clerk confirms it as it was
        require(api.post("clerk", "/api/claims/" + id + "/bank-account", Map.of("bankName", "中国工商银行",
                "accountNumber", account, "accountName", "会员本人")), 204);
        Jobs.runDue(management, process);
        JsonNode paid = api.get("clerk", "/api/claims/" + id).body();
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("payments").get(1).get("status").asText()).isEqualTo("CONFIRMED");

        assertThat(audit.ofSubject("BANK_ACCOUNT", masked)).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("SIMULATED_BANK_ACCOUNT_CLOSED by admin", "SIMULATED_BANK_ACCOUNT_REOPENED by admin");
        assertThat(closed.body().toString() + reopened.body()).doesNotContain(account);
        assertThat(Files.readString(Path.of("target/huzhu-test.log"))).doesNotContain(account);
    }

    @Test
    void theConfigurationsAccountsStayClosedAndOnlyWellFormedNumbersAreTaken() {
        long auditBefore = auditCount();
        Api.Answer configured = require(api.post("admin", REOPEN, Map.of("accountNumber", PayoutFaultTest.RETURNED_ACCOUNT)), 409);
        assertThat(configured.body().get("code").asText()).isEqualTo("CLOSED_BY_CONFIGURATION");
        assertThat(configured.body().toString()).doesNotContain(PayoutFaultTest.RETURNED_ACCOUNT);
        assertThat(fieldCodes(require(api.post("admin", CLOSE, Map.of("accountNumber", "6222-0212")), 400)))
                .containsExactly("accountNumber:INVALID_ACCOUNT_NUMBER");
        assertThat(fieldCodes(require(api.post("admin", REOPEN, Map.of()), 400))).containsExactly("accountNumber:REQUIRED");
        // closing a closed account and reopening an open one change nothing
        require(api.post("admin", CLOSE, Map.of("accountNumber", PayoutFaultTest.RETURNED_ACCOUNT)), 200);
        require(api.post("admin", REOPEN, Map.of("accountNumber", freshAccountNumber())), 200);
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void withARealBankThereIsNoSimulatedBankToChange() {
        SimulatedBankAccounts real = new SimulatedBankAccounts(new FileBank(settings.inbox()), audit);
        assertThatThrownBy(real::closed).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.status().value() + " " + e.code()).isEqualTo("404 NO_SIMULATED_BANK"));
    }

    /** Each closed account as {@code masked:closedBy}. */
    private static List<String> listed(Api.Answer answer) {
        return StreamSupport.stream(answer.body().spliterator(), false)
                .map(a -> a.get("accountNumberMasked").asText() + ":" + a.get("closedBy").asText()).toList();
    }

    private static String freshAccountNumber() {
        return "6222" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
