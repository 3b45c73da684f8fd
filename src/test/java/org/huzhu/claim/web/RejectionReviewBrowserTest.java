package org.huzhu.claim.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.BrowserScript.line;

/**
 * A rejected claim reviewed on the workbench in a real headless Chromium, clicking and typing
 * (src/test/browser/workbench-rejection-review.cjs): the clerk asks for the review with a new
 * paper, the league head upholds it back to the league audit, the league auditor approves; the
 * claim is then paid.
 */
@HuzhuIntegrationTest
class RejectionReviewBrowserTest extends ClaimProcessTest {

    @Test
    void aClerkAsksForTheReviewTheLeagueHeadUpholdsItAndTheClaimIsPaid() throws Exception {
        long claim = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", claim, "AgencyCheck", "APPROVE");
        claims.decide("league", claim, "LeagueAudit", "REJECT", "出院小结与发票日期不符");
        Path paper = Files.createTempFile("出院小结-", ".png");
        Files.write(paper, PaperFiles.image("png", 1200, 1600, claim));

        String output = BrowserScript.run("workbench-rejection-review.cjs", Map.of(
                "BASE_URL", "http://localhost:" + port, "CLAIM", Long.toString(claim),
                "NEW_PAPER", paper.toString(), "SCREENSHOTS", Path.of("target").toAbsolutePath().toString()));

        assertThat(output).contains("reviewed on the claim page");
        assertThat(line(output, "clerk status: ")).isEqualTo("clerk status: 已驳回");
        assertThat(line(output, "window: ")).contains("驳回之日起60天内");
        assertThat(line(output, "field error: ")).isEqualTo("field error: 请填写申请复核的理由");
        assertThat(line(output, "clerk notice: ")).contains("已提交复核申请及1个新材料文件");
        assertThat(line(output, "clerk status after: ")).isEqualTo("clerk status after: 复核中");
        assertThat(line(output, "reviews: ")).contains("代办点受理", "会员补交了医院更正后的出院小结", "待复核");
        assertThat(line(output, "head row: ")).contains("复核申请审理");
        assertThat(line(output, "outcomes: ")).contains("维持驳回", "撤销驳回，重新审核（从代办点审核起）",
                "撤销驳回，重新审核（从协会审核起）");
        assertThat(line(output, "head notice: ")).contains("撤销驳回，重新审核（从协会审核起）");
        assertThat(line(output, "head status: ")).isEqualTo("head status: 协会审核中");
        assertThat(line(output, "approvals: ")).contains("复核申请审理", "撤销驳回", "协会负责人（演示）");
        assertThat(line(output, "league status: ")).isEqualTo("league status: 待支付");

        claims.pay(claim);
        assertThat(jdbc.sql("select kind from paper where claim_id = :id").param("id", claim).query(String.class).list())
                .containsExactly("DISCHARGE_SUMMARY");
        assertThat(jdbc.sql("""
                        select step || ' ' || actor || ' ' || coalesce(decision, '') from claim_event
                        where claim_id = :id and step in ('REVIEW_REQUESTED', 'REJECTION_REVIEW', 'LEAGUE_AUDIT') order by id""")
                .param("id", claim).query(String.class).list())
                .containsExactly("LEAGUE_AUDIT league REJECT", "REVIEW_REQUESTED clerk ", "REJECTION_REVIEW head UPHOLD_AT_LEAGUE_AUDIT",
                        "LEAGUE_AUDIT league-b APPROVE");
        assertThat(jdbc.sql("select kind from notification where claim_id = :id order by id").param("id", claim)
                .query(String.class).list()).contains("REJECTED", "REVIEW_REQUESTED", "REVIEW_UPHELD", "PAID");
    }
}
