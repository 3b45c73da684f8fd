package org.huzhu.claim.web;

import java.util.List;
import java.util.Map;

import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** The claim page over HTTP as each role opens it: what it shows, who may not, and the recorded full view. */
@HuzhuIntegrationTest
class ClaimPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    @Test
    void theClaimPageShowsTheFiguresTheCalculationTheApprovalsByNameThePapersAndTheTrailInChinese() {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        String idNumber = api.enrolledMember(agency, "EMPLOYEE");
        long claim = require(api.post("admin", "/api/claims", ClaimRequests.claim(idNumber, "14054.00")), 201)
                .body().get("id").asLong();
        require(api.decide(TestAgencies.auditor(agency), claim, "APPROVE", "材料齐全"), 200);

        WorkbenchSession league = WorkbenchSession.signIn(port, "league");
        Page page = league.get("/claims/" + claim);
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select("h1").text()).contains("申请 " + claim, "协会审核中");
        assertThat(html.select("#summary").text()).contains("测试会员", "住院医疗互助", "测试代办点" + agency,
                "安阳市人民医院", "社区获得性肺炎", "200,000.00", "15,054.00", "14,054.00", "6,827.00");
        // the subsidy as a table: 30% of the first 1,000 yuan, 50% of the rest
        assertThat(html.select("#subsidy table.breakdown tr").eachText()).contains(
                "合规自付 政策范围内费用减去基本医保、大病保险、医疗救助已支付部分 14,054.00",
                "0.00 至 1,000.00 元部分 1,000.00 元 × 30% 300.00",
                "1,000.00 元以上部分 13,054.00 元 × 50% 6,527.00",
                "补助金额 四舍五入到分 6,827.00");
        // decisions by the person's name, the step open now
        List<String> approvals = html.select("#approvals tbody tr").eachText();
        assertThat(approvals).anyMatch(row -> row.startsWith("自动预审 符合条件 系统"));
        assertThat(approvals).anyMatch(row -> row.startsWith("代办点审核 通过 审核员" + agency) && row.endsWith("材料齐全"));
        assertThat(approvals).last().asString().startsWith("协会审核 办理中");
        assertThat(html.select("#papers table.papers tr").eachText()).contains("医疗发票 已提交", "银行卡 已提交");
        assertThat(html.select("#deadline").text()).contains("支付期限", "个工作日", "代办点审核");
        assertThat(html.select("#payments").text()).contains("尚无支付指令");
        assertThat(html.select("#trail tbody tr").eachText()).anyMatch(row -> row.contains("管理员（演示） 受理提交"))
                .anyMatch(row -> row.contains("审核员" + agency + " 代办点审核：通过 材料齐全"));
        // masked until asked for
        assertThat(page.text()).contains(idNumber.substring(0, 6)).doesNotContain(idNumber, "6222021234567890128");
        assertThat(html.select("form.personal-data button").text()).isEqualTo("查看完整信息");
        // the league auditor works on it from here: it waits to be taken
        assertThat(html.select("#tasks h3").text()).contains("协会审核", "待认领");
        assertThat(html.select("#tasks form button").eachText()).contains("认领任务");
    }

    @Test
    void whoMayNotReadTheClaimGets403AndTheFullNumbersAreARecordedRead() {
        Api api = new Api(rest);
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        String idNumber = jdbc.sql("select m.id_number from member m join claim c on c.member_id = m.id where c.id = :id")
                .param("id", claim).query(String.class).single();
        assertThat(WorkbenchSession.anonymous(port).get("/claims/" + claim).location()).endsWith("/login");
        Page refused = WorkbenchSession.signIn(port, "agency-b").get("/claims/" + claim);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("无权访问", "无权查看其他代办点的申请").doesNotContain(idNumber.substring(0, 6));

        // supervisors read the claim, masked, and get no full numbers
        WorkbenchSession supervisor = WorkbenchSession.signIn(port, "supervisor");
        Page supervised = supervisor.get("/claims/" + claim);
        assertThat(supervised.status()).isEqualTo(200);
        assertThat(supervised.html().select("form.personal-data")).isEmpty();
        assertThat(supervisor.post("/claims/" + claim + "/personal-data", Map.of()).status()).isEqualTo(403);

        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        clerk.get("/claims/" + claim);
        assertThat(clerk.postWithoutToken("/claims/" + claim + "/personal-data", Map.of()).status()).isEqualTo(403);
        assertThat(views(claim, "clerk")).isZero();
        Page full = clerk.post("/claims/" + claim + "/personal-data", Map.of());
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.html().select("#summary .id-number").text()).isEqualTo(idNumber);
        assertThat(full.html().select("#papers .account-number").text()).isEqualTo("6222021234567890128");
        assertThat(full.html().select("p.notice").text()).contains("本次查看已记入操作记录");
        assertThat(full.html().select("#trail tbody tr").eachText()).anyMatch(row -> row.contains("受理员（演示） 查看完整信息"));
        assertThat(views(claim, "clerk")).isOne();
        // the next look is masked again
        assertThat(clerk.get("/claims/" + claim).text()).doesNotContain(idNumber);
    }

    @Test
    void anAddressThatNamesNoClaimSaysSoInChinese() {
        WorkbenchSession league = WorkbenchSession.signIn(port, "league");
        Page typo = league.get("/claims/abc");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.text()).contains("地址中的 id 有误", "须为整数");
        Page missing = league.get("/claims/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).contains("申请不存在");
    }

    private long views(long claim, String actor) {
        return jdbc.sql("select count(*) from audit_event where claim_id = :claim and actor = :actor and action = 'PERSONAL_DATA_VIEWED'")
                .param("claim", claim).param("actor", actor).query(Long.class).single();
    }
}
