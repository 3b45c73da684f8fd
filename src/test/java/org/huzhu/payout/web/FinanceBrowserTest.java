package org.huzhu.payout.web;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance in a real headless Chromium: a paid claim in its batch, the reconciliation and its CSV, a contribution. */
@HuzhuIntegrationTest
class FinanceBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;

    @Test
    void financeFindsThePaidClaimReconcilesDownloadsAndRecordsAContribution() throws Exception {
        Api api = new Api(rest);
        long claim = api.approvedClaim("6222021234567890128");
        new ClaimDriver(api, taskService, management, jdbc).pay(claim);
        Map<String, Object> batch = jdbc.sql("""
                        select b.file_name, i.id instruction from payment_instruction i join payment_batch b on b.id = i.batch_id
                        where i.claim_id = :claim""").param("claim", claim).query().singleRow();
        String note = "浏览器登记" + TestIds.code("N");
        int year = 2090;

        String output = BrowserScript.run("workbench-finance.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                "CLAIM", Long.toString(claim), "BATCH_FILE", (String) batch.get("file_name"), "YEAR", Integer.toString(year),
                "NOTE", note, "SCREENSHOTS", Path.of("target").toAbsolutePath().toString()));

        assertThat(line(output, "menu: ")).contains("付款批次", "对账", "基金结余").doesNotContain("员工账号与角色", "支付时限督办");
        assertThat(line(output, "figures: ")).contains("退票待更正账户", "今日付款批次");
        assertThat(line(output, "batch heading: ")).contains((String) batch.get("file_name"));
        assertThat(line(output, "batch line: ")).contains(batch.get("instruction") + " " + claim, "1,300.00", "已入账",
                "***************0128").doesNotContain("6222021234567890128");
        assertThat(line(output, "lines file: ")).endsWith(".xlsx zip true").contains("付款明细-");
        assertThat(line(output, "reconciliation scope: ")).isEqualTo("reconciliation scope: 批次" + batch.get("file_name"));
        assertThat(line(output, "reconciliation summary: ")).contains("已入账");
        assertThat(line(output, "csv file: ")).endsWith(".csv");
        assertThat(output).contains("csv bom: true");
        assertThat(line(output, "csv line: ")).contains(claim + ",1,***************0128,1300.00,已入账");
        assertThat(line(output, "typo: ")).contains("请填写整数");
        assertThat(line(output, "notice: ")).contains("已登记");
        assertThat(line(output, "recorded: ")).contains("住院医疗互助", "演示纺织公司（DEMO-U2）", "4,800.00", note);
        assertThat(line(output, "receipt: ")).contains("单位缴费收据", "HZJF-" + year + "-", "演示纺织公司（DEMO-U2）", "80 人",
                "60.00 元", "¥4,800.00", "肆仟捌佰元整", note, "finance");
        assertThat(line(output, "fund row: ")).contains("住院医疗互助", Integer.toString(year), "4,800.00");

        Map<String, Object> recorded = jdbc.sql("""
                        select unit_code, members, per_member, amount, scheme_year, recorded_by from fund_contribution
                        where note = :note""").param("note", note).query().singleRow();
        assertThat(recorded).containsEntry("unit_code", "DEMO-U2").containsEntry("members", 80)
                .containsEntry("scheme_year", year).containsEntry("recorded_by", "finance");
        assertThat((BigDecimal) recorded.get("amount")).isEqualByComparingTo("4800.00");
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output));
    }
}
