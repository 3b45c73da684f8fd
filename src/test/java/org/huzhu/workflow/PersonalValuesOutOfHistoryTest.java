package org.huzhu.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.support.WebappSession;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The engine's history never receives the claim view, the values Tasklist lists, a bank account
 * typed into the FixAccount form, or any submitted form field, over a claim's whole life.
 */
@HuzhuIntegrationTest
class PersonalValuesOutOfHistoryTest extends ClaimProcessTest {

    /** The test bank returns transfers to this account (application-test.yml). */
    static final String RETURNED_ACCOUNT = "6222000000000000017";
    static final String NEW_ACCOUNT = "6222021234567890128";
    /** Task display values that are never process variables (agencyCode and subsidy are both). */
    static final List<String> DISPLAY_ONLY = List.of("claimView", "memberName", "eligibleAmount",
            DeadlineOnTask.VARIABLE);

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aClaimThroughASecondAuditAndAFixedAccountLeavesNoPersonalValueInHistory() {
        String member = api.enrolledMember();
        claims.submit(member, "2000.00");
        Map<String, Object> repeat = ClaimRequests.claim(member, "1500.00");
        repeat.put("bankAccount", Map.of("bankName", "中国工商银行", "accountNumber", RETURNED_ACCOUNT,
                "accountName", "测试会员"));
        long id = require(api.post("clerk", "/api/claims", repeat), 201).body().get("id").asLong();
        String process = claims.processOf(id);
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        claims.decide("league", id, "LeagueAudit", "APPROVE");
        claims.decide("league-b", id, "SecondAudit", "APPROVE");
        Jobs.runDue(management, process);
        Task fix = claims.openTask(id);
        assertThat(fix.getTaskDefinitionKey()).isEqualTo("FixAccount");
        assertThat(taskService.getVariableLocal(fix.getId(), "claimView").toString()).contains("原收款账户");

        // as Tasklist submits the form
        WebappSession tasklist = WebappSession.signIn(port, "clerk", "tasklist");
        WebappSession.Answer submitted = tasklist.enginePost("/task/" + fix.getId() + "/submit-form", Map.of("variables",
                Map.of("bankName", Map.of("value", "中国建设银行"), "accountNumber", Map.of("value", NEW_ACCOUNT),
                        "accountName", Map.of("value", "会员本人"))));
        assertThat(submitted.status()).as(String.valueOf(submitted.json())).isEqualTo(204);
        Jobs.runDue(management, process);
        assertThat(claims.status(id)).isEqualTo("PAID");
        assertThat(api.get("clerk", "/api/claims/" + id).body().get("bankAccount").get("accountNumberMasked").asText())
                .endsWith("0128");

        List<String> kept = jdbc.sql("select name_ from act_hi_varinst where proc_inst_id_ = :p")
                .param("p", process).query(String.class).list();
        assertThat(kept).as("what the process routes on later stays").contains("claimId", "secondAudit");
        assertThat(kept).as("decisions travel transient; the claim's events keep them")
                .doesNotContain("agencyCheckOutcome", "leagueAuditOutcome", "leagueAuditReason", "secondAuditOutcome");
        assertThat(jdbc.sql("select count(*) from act_hi_varinst where proc_inst_id_ = :p and task_id_ is not null")
                .param("p", process).query(Long.class).single()).as("task display values").isZero();
        assertThat(kept).doesNotContainAnyElementsOf(DISPLAY_ONLY).doesNotContain(FixAccountTask.BANK_NAME,
                FixAccountTask.ACCOUNT_NUMBER, FixAccountTask.ACCOUNT_NAME);
        assertThat(jdbc.sql("select count(*) from act_hi_detail where proc_inst_id_ = :p")
                .param("p", process).query(Long.class).single()).as("form fields and variable updates").isZero();
        assertThat(jdbc.sql("select count(*) from act_hi_varinst where proc_inst_id_ = :p and text_ like :n")
                .param("p", process).param("n", "%" + NEW_ACCOUNT + "%").query(Long.class).single()).isZero();

        // a supervisor reading the engine's history: /engine-rest is not theirs, Cockpit shows none of it
        assertThat(api.get("supervisor", "/engine-rest/history/variable-instance?processInstanceId=" + process).status())
                .isEqualTo(403);
        assertThat(api.get("supervisor", "/engine-rest/history/detail?processInstanceId=" + process).status())
                .isEqualTo(403);
        WebappSession cockpit = WebappSession.signIn(port, "supervisor", "cockpit");
        WebappSession.Answer variables = cockpit.engineGet("/history/variable-instance?processInstanceId=" + process);
        assertThat(variables.status()).isEqualTo(200);
        variables.json().forEach(v -> assertThat(v.get("taskId").isNull()).as(v.toString()).isTrue());
        assertThat(names(variables.json())).contains("claimId").doesNotContainAnyElementsOf(DISPLAY_ONLY)
                .doesNotContain(FixAccountTask.BANK_NAME, FixAccountTask.ACCOUNT_NUMBER, FixAccountTask.ACCOUNT_NAME);
        WebappSession.Answer details = cockpit.engineGet("/history/detail?processInstanceId=" + process);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.json()).isEmpty();
    }

    @Test
    void theMigrationPurgesWhatOlderVersionsKept() throws IOException {
        jdbc.sql("insert into act_ge_bytearray (id_, rev_, name_, bytes_) values ('v9-bytes', 1, 'claimView', 'x'::bytea)")
                .update();
        jdbc.sql("""
                        insert into act_hi_varinst (id_, proc_inst_id_, task_id_, name_, var_type_, bytearray_id_, text_, state_)
                        values ('v9-view', 'v9-process', 'v9-task', 'claimView', 'string', 'v9-bytes', null, 'CREATED'),
                               ('v9-account', 'v9-process', null, 'accountNumber', 'string', null, :account, 'DELETED'),
                               ('v9-claim', 'v9-process', null, 'claimId', 'long', null, null, 'CREATED')""")
                .param("account", NEW_ACCOUNT).update();
        jdbc.sql("""
                        insert into act_hi_detail (id_, type_, proc_inst_id_, task_id_, name_, var_type_, time_, text_)
                        values ('v9-form', 'FormProperty', 'v9-process', 'v9-task', 'accountNumber', null, now(), :account),
                               ('v9-update', 'VariableUpdate', 'v9-process', 'v9-task', 'memberName', 'string', now(), '测试会员')""")
                .param("account", NEW_ACCOUNT).update();

        String migration = migration();
        transaction.executeWithoutResult(status -> {
            // as Flyway runs it: our schema alone on the search path (the app's connections put the
            // engine's public first, where the script's create table would add a second work_item_user)
            jdbc.sql("select set_config('search_path', 'huzhu', true)").query(String.class).single();
            jdbc.sql(migration).update();
        });
        assertThat(jdbc.sql("""
                        select p.tablename from pg_tables p join pg_tables h on h.tablename = p.tablename
                        where p.schemaname = 'public' and h.schemaname = 'huzhu'""").query(String.class).list())
                .as("no copy of our tables in public, where the engine's schema would shadow ours").isEmpty();

        assertThat(jdbc.sql("select id_ from act_hi_varinst where proc_inst_id_ = 'v9-process'").query(String.class).list())
                .containsExactly("v9-claim");
        assertThat(jdbc.sql("select count(*) from act_hi_detail where proc_inst_id_ = 'v9-process'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from act_ge_bytearray where id_ = 'v9-bytes'").query(Long.class).single())
                .isZero();
        jdbc.sql("delete from act_hi_varinst where proc_inst_id_ = 'v9-process'").update();
    }

    private static String migration() throws IOException {
        return new ClassPathResource("db/migration/V9__task_candidate_users_and_history_purge.sql")
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(v -> names.add(v.get("name").asText()));
        return names;
    }
}
