package org.huzhu.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.BrowserScript.line;

/**
 * A member on a 375x812 phone in a real headless Chromium, typing and tapping: signs in with
 * the code sent to their number, claims online with a photo, sees the papers missing and sends
 * them; once the office has paid that claim and rejected another, signs in again, finds the
 * first paid and asks for the review of the second, which a league head upholds and which is
 * then paid; the mailbox shows each message. The code is read off the demo mailbox (/admin/mailbox) by an admin in a second browser,
 * as the member would read it off their phone. Screenshots: target/member-online-*.png.
 */
@HuzhuIntegrationTest
class MemberOnlineBrowserTest extends ClaimProcessTest {

    @Test
    void aMemberClaimsFromAPhoneFollowsTheClaimToPaymentAndHasARejectionReviewed() throws Exception {
        String id = api.enrolledMember();
        // a number of this run's own, so the mailbox's filter finds this member's code alone
        String mobile = "139" + String.format("%08d", Math.floorMod(TestIds.code("M").hashCode(), 100_000_000));
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        long member = jdbc.sql("select id from member where id_number = :id").param("id", id).query(Long.class).single();
        Api.require(api.exchange("admin", HttpMethod.PUT, "/api/members/" + member + "/mobile",
                Map.of("mobile", mobile)), 200);
        Path photo = Path.of("target/member-online-photo.jpg").toAbsolutePath();
        Files.write(photo, PaperFiles.image("jpg", 1600, 1200, 7));
        String output = BrowserScript.run("member-online.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                    "ID_NUMBER", id, "MOBILE_MASKED", masked, "PHOTO", photo.toString(),
                    "ADMISSION", EngineTime.today().minusDays(15).toString(),
                    "DISCHARGE", EngineTime.today().minusDays(5).toString(),
                    "INVOICE", TestIds.code("N").replace("-", ""),
                    "LATER", String.join(",", MemberClaimsTest.LATER),
                    "SCREENSHOTS", Path.of("target/member-online-").toAbsolutePath().toString()));
        assertThat(line(output, "sent: ")).contains("验证码已发送至预留手机号");
        assertThat(line(output, "home: ")).contains("您好", masked, "住院医疗互助", "保障中").doesNotContain(id);
        assertThat(line(output, "receipt: ")).contains("申请已提交", "本人线上提交", "待补件", "出院小结");
        assertThat(line(output, "missing: ")).contains("费用清单", "出院小结", "医保结算单", "身份证", "银行卡");
        assertThat(line(output, "supplied: ")).contains("已收到5个文件", "材料已齐全");
        assertThat(line(output, "status: ")).isEqualTo("status: 代办点审核中");
        // the submit button tapped twice stored one claim
        long online = jdbc.sql("select id from claim where member_id = :m").param("m", member).query(Long.class).single();
        assertThat(status(online)).isEqualTo("AGENCY_CHECK");

        // the office decides and pays the claim sent online; another claim of the member's is rejected
        claims.decide("agency", online, "AgencyCheck", "APPROVE");
        claims.decide("league", online, "LeagueAudit", "APPROVE");
        claims.pay(online);
        long rejected = claims.submit(id, "2000.00");
        claims.decide("agency", rejected, "AgencyCheck", "APPROVE");
        claims.decide("league", rejected, "LeagueAudit", "REJECT", "出院小结与发票日期不符");

        String follows = BrowserScript.run("member-follows.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                "ID_NUMBER", id, "MOBILE_MASKED", masked, "PAID_CLAIM", Long.toString(online),
                "REJECTED_CLAIM", Long.toString(rejected), "PHOTO", photo.toString(),
                "SCREENSHOTS", Path.of("target/member-online-").toAbsolutePath().toString()));
        assertThat(line(follows, "paid status: ")).isEqualTo("paid status: 已支付");
        assertThat(line(follows, "payments: ")).contains("2800.00 元", "已入账", "0128").doesNotContain("6222021234567890128");
        assertThat(line(follows, "rejected: ")).contains("申请复核", "前（含当日）申请复核");
        assertThat(line(follows, "review error: ")).contains("理由");
        assertThat(line(follows, "review notice: ")).contains("复核申请已提交", "个工作日内作出复核结论");
        assertThat(line(follows, "review status: ")).isEqualTo("review status: 复核中");
        assertThat(jdbc.sql("select count(*) from paper where claim_id = :id and kind = 'DISCHARGE_SUMMARY' and uploaded_by = 'online'")
                .param("id", rejected).query(Long.class).single()).as("the new paper sent with the review").isEqualTo(1);
        assertThat(line(follows, "mailbox: ")).contains("SIGN_IN_CODE", "CLAIM_RECEIVED", "SUPPLEMENTS_NEEDED",
                "CLAIM_APPROVED", "PAID", "REJECTED", "REVIEW_REQUESTED");

        // a league head who never decided the claim upholds the review; a league auditor approves; paid
        Task review = taskService.createTaskQuery().processDefinitionKey("rejection-review")
                .processInstanceBusinessKey(Long.toString(rejected)).singleResult();
        Api.require(claims.decision("head", review, "UPHOLD_AT_LEAGUE_AUDIT", "医院已更正出院小结日期"), 200);
        claims.decide("league-b", rejected, "LeagueAudit", "APPROVE");
        // the checks the routing adds after the audit, each by someone who has not decided since it began
        for (Task check = claims.openTask(rejected); check != null; check = claims.openTask(rejected)) {
            Task open = check;
            assertThat(List.of("league", "head", "committee")).as("nobody may approve " + open.getTaskDefinitionKey())
                    .anyMatch(user -> claims.decision(user, open, "APPROVE").status() == 200);
        }
        claims.pay(rejected);
        assertThat(status(rejected)).isEqualTo("PAID");
        assertThat(jdbc.sql("select kind from notification where claim_id = :id order by id").param("id", rejected)
                .query(String.class).list())
                .containsSubsequence("CLAIM_RECEIVED", "REJECTED", "REVIEW_REQUESTED", "REVIEW_UPHELD", "CLAIM_APPROVED", "PAID");
    }

    private String status(long claimId) {
        return jdbc.sql("select status from claim where id = :id").param("id", claimId).query(String.class).single();
    }
}
