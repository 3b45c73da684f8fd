package org.huzhu.inbox.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.BrowserScript.line;
import static org.huzhu.support.Api.require;

/**
 * The agency auditor and the league auditor of the demo decide a claim on the workbench in a real
 * headless Chromium, clicking and typing (src/test/browser/workbench-claim-audit.cjs); the
 * database then holds both decisions and the claim goes to payout.
 */
@HuzhuIntegrationTest
class AuditorWorkbenchBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAgencyAndTheLeagueAuditorDecideAClaimOnTheClaimPage() throws Exception {
        Api api = new Api(rest);
        String idNumber = api.enrolledMember();
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(idNumber, "14054.00")), 201)
                .body().get("id").asLong();
        require(api.post("clerk", "/api/claims/" + claim + "/papers", PaperFiles.upload(null, List.of("SETTLEMENT_STATEMENT"),
                List.of(PaperFiles.file("结算单.pdf", PaperFiles.pdf(3))))), 201);

        String output = BrowserScript.run("workbench-claim-audit.cjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "CLAIM", Long.toString(claim),
                "SCREENSHOTS", Path.of("target").toAbsolutePath().toString()));

        assertThat(output).contains("decided on the claim page");
        assertThat(line(output, "agency row: ")).contains("代办点审核", "测试会员", "住院医疗互助", "DEMO-A", "14,054.00",
                "待认领", "个工作日");
        assertThat(line(output, "agency sees: ")).contains("代办点审核中", idNumber.substring(0, 6))
                .doesNotContain(idNumber);
        assertThat(line(output, "field error: ")).isEqualTo("field error: 驳回或退回时请填写原因");
        assertThat(line(output, "agency notice: ")).isEqualTo("agency notice: 审核结论已提交：通过。");
        assertThat(line(output, "agency status: ")).isEqualTo("agency status: 协会审核中");
        assertThat(line(output, "league row: ")).contains("协会审核", "6,827.00");
        assertThat(line(output, "breakdown: ")).contains("1,000.00 元以上部分 13,054.00 元 × 50% 6,527.00",
                "补助金额 四舍五入到分 6,827.00");
        assertThat(line(output, "approvals before: ")).contains("代办点审核 通过 代办点A审核员（演示）", "材料齐全，同意",
                "协会审核 办理中");
        assertThat(line(output, "viewer: ")).contains("医保结算单", "结算单.pdf", "第 2 / 3 页");
        assertThat(jdbc.sql("select count(*) from audit_event where claim_id = :id and action = 'PAPER_VIEWED' and actor = 'league'")
                .param("id", claim).query(Long.class).single()).as("pages 1 and 2, then page 2 turned").isEqualTo(3);
        assertThat(line(output, "league notice: ")).isEqualTo("league notice: 审核结论已提交：通过。");
        assertThat(line(output, "league status: ")).isEqualTo("league status: 待支付");
        assertThat(line(output, "approvals after: ")).contains("协会审核 通过 协会审核员（演示）", "同意支付", "审批完成 完成 系统");

        assertThat(jdbc.sql("select status from claim where id = :id").param("id", claim).query(String.class).single())
                .isEqualTo("PAYOUT");
        assertThat(jdbc.sql("select subsidy from claim where id = :id").param("id", claim)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("6827.00");
        assertThat(jdbc.sql("""
                        select step || ' ' || actor || ' ' || decision || ' ' || coalesce(reason, '') from claim_event
                        where claim_id = :id and decision is not null and step <> 'PRE_CHECK' order by id""")
                .param("id", claim).query(String.class).list())
                .containsExactly("AGENCY_CHECK agency APPROVE 材料齐全，同意", "LEAGUE_AUDIT league APPROVE 同意支付");
        assertThat(jdbc.sql("select count(*) from audit_event where claim_id = :id and action = 'TASK_CLAIMED'")
                .param("id", claim).query(Long.class).single()).isEqualTo(2);
    }
}
