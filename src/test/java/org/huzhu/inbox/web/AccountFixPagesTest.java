package org.huzhu.inbox.web;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.huzhu.membership.BankAccountNumber;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestClaims;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A transfer the bank returned, fixed by the clerk from the workbench: listed, refused at the field, fixed once. */
@HuzhuIntegrationTest
class AccountFixPagesTest {

    /** The simulated bank returns every transfer to this account (configuration of the test profile). */
    static final String RETURNED_ACCOUNT = "6222000000000000017";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @Test
    void theClerkFixesAReturnedAccountOnceAndTheFormSaysWhenThereIsNothingToFix() {
        Api api = new Api(rest);
        long id = api.approvedClaim(RETURNED_ACCOUNT);
        Jobs.runDue(management, TestClaims.processOf(jdbc, id));
        assertThat(openFixes(id)).isOne();

        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        long waiting = jdbc.sql("""
                        select count(distinct g.task_id) from work_item_group g join work_item w on w.task_id = g.task_id
                        where w.stage = 'FixAccount' and g.group_id = 'clerk-DEMO-A'""").query(Long.class).single();
        assertThat(clerk.get("/").html().select("a.figure[href=/intake/account-fixes]").text())
                .isEqualTo(waiting + " 退票待更正账户");
        Page list = clerk.get("/intake/account-fixes");
        assertThat(list.html().select("a[href=/intake/claims/" + id + "/bank-account]")).hasSize(1);
        assertThat(list.html().select("tr:has(a[href=/claims/" + id + "])").text()).contains("****0017", "1,300.00");
        // the whole list as a file for phoning the members, numbers masked, the download recorded
        WorkbenchSession.Download file = clerk.download("/intake/account-fixes/csv");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).startsWith("\uFEFF申请编号,参保人,身份证号（脱敏）,补助金额（元）,原收款账户（脱敏）,退票原因,退回时间\n")
                .containsPattern("\n" + id + ",测试会员,\\d{6}\\*{8}\\d{3}[0-9X],1300\\.00,[^,]*\\*{4}0017,[^,]+,\\d{4}-")
                .doesNotContain(RETURNED_ACCOUNT);
        assertThat(file.text().lines().count() - 1).isEqualTo(waiting);
        assertThat(jdbc.sql("""
                        select reason from audit_event where actor = 'clerk' and action = 'LIST_EXPORTED'
                        and subject_id = 'account-fixes' order by id desc limit 1""").query(String.class).single())
                .isEqualTo("csv，" + waiting + "行");

        Page form = clerk.get("/intake/claims/" + id + "/bank-account");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("中国工商银行 " + BankAccountNumber.mask(RETURNED_ACCOUNT), "测试会员");
        Page wrong = clerk.post("/intake/claims/" + id + "/bank-account", Map.of("bankName", "中国农业银行",
                "accountNumber", "6228-48", "accountName", ""));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html().getElementById("error-accountNumber").text()).isEqualTo("银行账号应为12到30位数字");
        assertThat(wrong.html().getElementById("error-accountName").text()).isEqualTo("请填写账户名");
        assertThat(wrong.html().getElementById("bankName").val()).isEqualTo("中国农业银行");
        assertThat(account(id)).isEqualTo(RETURNED_ACCOUNT);
        assertThat(openFixes(id)).isOne();

        Map<String, String> fixed = Map.of("bankName", "中国农业银行", "accountNumber", "6228 4804 0256 4890 018",
                "accountName", "测试会员");
        Page first = clerk.post("/intake/claims/" + id + "/bank-account", fixed);
        Page second = clerk.post("/intake/claims/" + id + "/bank-account", fixed);
        assertThat(first.location()).endsWith("/intake/account-fixes");
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(account(id)).isEqualTo("6228480402564890018");
        assertThat(openFixes(id)).isZero();
        assertThat(clerk.get("/intake/account-fixes").text()).contains("申请" + id + "的收款账户已更正为中国农业银行 "
                + BankAccountNumber.mask("6228480402564890018"));

        Page stale = clerk.get("/intake/claims/" + id + "/bank-account");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains("此申请没有被银行退回、待更正账户的付款");
        assertThat(stale.html().select("form[action$=/bank-account]")).isEmpty();
        WorkbenchSession auditor = WorkbenchSession.signIn(port, "agency");
        assertThat(auditor.get("/intake/account-fixes").status()).isEqualTo(403);
    }

    private long openFixes(long claimId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(claimId)).taskDefinitionKey("FixAccount")
                .count();
    }

    private String account(long claimId) {
        return jdbc.sql("select bank_account_number from claim where id = :id").param("id", claimId)
                .query(String.class).single();
    }
}
