package org.huzhu.member;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.MemberSignIn;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's claim online over HTTP: sent with a phone photo, it enters the same pre-check as at
 * the counter and, once the missing papers come online too, the agency check of the member's own
 * agency. A member reads only their own claims; bad input stores nothing.
 */
@HuzhuIntegrationTest
class MemberClaimsTest {

    static final List<String> LATER = List.of("EXPENSE_LIST", "DISCHARGE_SUMMARY", "SETTLEMENT_STATEMENT", "ID_CARD",
            "BANK_CARD");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aClaimOnlineWithAPhotoWaitsForPapersThenReachesTheAgencyCheckOfTheMembersAgency() {
        String id = member("DEMO-B", "13812340001");
        WorkbenchSession phone = MemberSignIn.signIn(port, jdbc, id);
        assertThat(phone.get("/m/").text()).contains("住院").contains("保障中");

        WorkbenchSession.Page sent = phone.postBytes("/m/claims/new", claimForm("6222021234567890128"), "paper.INVOICE",
                Map.of("发票.jpg", PaperFiles.image("jpg", 1200, 900, 1)));
        assertThat(sent.status()).as(sent.text()).isEqualTo(302);
        long claim = Long.parseLong(sent.location().replaceAll(".*/m/claims/(\\d+)/receipt", "$1"));
        WorkbenchSession.Page receipt = phone.get("/m/claims/" + claim + "/receipt");
        assertThat(receipt.text()).contains("申请已提交").contains("本人线上提交").contains("出院小结")
                .contains("0128").doesNotContain("6222021234567890128");
        assertThat(jdbc.sql("select submitted_by || ' ' || status from claim where id = :id").param("id", claim)
                .query(String.class).single()).isEqualTo("online AWAITING_SUPPLEMENTS");
        assertThat(jdbc.sql("select count(*) from paper where claim_id = :id").param("id", claim).query(Long.class).single())
                .isEqualTo(1);

        WorkbenchSession.Page page = phone.get("/m/claims/" + claim);
        assertThat(page.html().select("[data-claim=status]").text()).isEqualTo("待补件");
        assertThat(page.html().select("[data-claim=missing] li").eachText()).containsExactlyInAnyOrder("费用清单",
                "出院小结", "医保结算单", "身份证", "银行卡");
        for (int i = 0; i < LATER.size(); i++) {
            WorkbenchSession.Page added = phone.postBytes("/m/claims/" + claim + "/papers", Map.of(),
                    "paper." + LATER.get(i), Map.of(LATER.get(i) + ".png", PaperFiles.image("png", 800, 600, 10 + i)));
            assertThat(added.status()).as(added.text()).isEqualTo(302);
        }
        assertThat(phone.get("/m/claims/" + claim).html().select("[data-claim=status]").text()).isEqualTo("代办点审核中");
        assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :id and step = 'SUPPLEMENTED' and actor = 'online'")
                .param("id", claim).query(Long.class).single()).isEqualTo(LATER.size());
        // the agency check of the member's agency: DEMO-B's auditor has it, DEMO-A's does not
        Api api = new Api(rest);
        assertThat(api.taskOf("agency-b", claim)).isNotBlank();
        assertThat(Api.require(api.get("agency", "/api/tasks"), 200).body().findValues("claimId").stream()
                .map(node -> node.asLong())).doesNotContain(claim);
    }

    @Test
    void aMemberReadsOnlyTheirOwnClaimsAndAnotherMembersClaimIsNotFound() {
        String owner = member("DEMO-A", "13812340002");
        String other = member("DEMO-A", "13812340003");
        WorkbenchSession ownerPhone = MemberSignIn.signIn(port, jdbc, owner);
        long claim = Long.parseLong(ownerPhone.postBytes("/m/claims/new", claimForm("6222021234567890128"),
                        "paper.INVOICE", Map.of("发票.jpg", PaperFiles.image("jpg", 600, 400, 2))).location()
                .replaceAll(".*/m/claims/(\\d+)/receipt", "$1"));
        WorkbenchSession otherPhone = MemberSignIn.signIn(port, jdbc, other);
        WorkbenchSession.Page theirs = otherPhone.get("/m/claims/" + claim);
        WorkbenchSession.Page none = otherPhone.get("/m/claims/999999999");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.html().selectFirst("main").text()).isEqualTo(none.html().selectFirst("main").text());
        assertThat(theirs.text()).doesNotContain("测试会员").doesNotContain("0128");
        assertThat(otherPhone.get("/m/claims/" + claim + "/receipt").status()).isEqualTo(404);
        long papers = paperCount(claim);
        assertThat(otherPhone.postBytes("/m/claims/" + claim + "/papers", Map.of(), "paper.ID_CARD",
                Map.of("id.png", PaperFiles.image("png", 300, 200, 3))).status()).isEqualTo(404);
        assertThat(paperCount(claim)).isEqualTo(papers);
        assertThat(otherPhone.get("/m/").html().select("[data-claim-id]").eachAttr("data-claim-id"))
                .doesNotContain(Long.toString(claim));
        assertThat(otherPhone.get("/m/claims/abc").status()).isEqualTo(404);
    }

    @Test
    void invalidFieldsAreToldAtTheirFieldsAndNothingIsStored() {
        String id = member("DEMO-A", "13812340004");
        WorkbenchSession phone = MemberSignIn.signIn(port, jdbc, id);
        long claims = jdbc.sql("select count(*) from claim").query(Long.class).single();
        MultiValueMap<String, String> form = claimForm("12345");
        form.set("admissionDate", "2026-13-40");
        form.set("expenses.total", "很多");
        form.set("hospital", "");
        WorkbenchSession.Page refused = phone.postBytes("/m/claims/new", form, "paper.INVOICE",
                Map.of("发票.jpg", PaperFiles.image("jpg", 600, 400, 4)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().selectFirst("#error-admissionDate").text()).isEqualTo("日期格式应为 2026-12-02");
        assertThat(refused.html().selectFirst("#error-expenses-total").text()).contains("金额");
        // the checks of the claim itself, once the form reads
        form = claimForm("12345");
        form.set("hospital", "");
        refused = phone.postBytes("/m/claims/new", form, "paper.INVOICE", Map.of("not-a-photo.jpg", PaperFiles.program()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().selectFirst("#error-bankAccount-accountNumber").text()).contains("银行账号");
        assertThat(refused.html().selectFirst("#error-hospital").text()).isEqualTo("请填写就诊医院");
        assertThat(refused.html().selectFirst("#error-paper-INVOICE").text()).contains("not-a-photo.jpg");
        assertThat(jdbc.sql("select count(*) from claim").query(Long.class).single()).isEqualTo(claims);
        // a supplement with no file chosen
        long claim = Long.parseLong(phone.postBytes("/m/claims/new", claimForm("6222021234567890128"), "paper.INVOICE",
                Map.of("发票.jpg", PaperFiles.image("jpg", 600, 400, 5))).location().replaceAll(".*/m/claims/(\\d+)/receipt", "$1"));
        phone.get("/m/claims/" + claim);
        WorkbenchSession.Page empty = phone.postBytes("/m/claims/" + claim + "/papers", Map.of(), "paper.ID_CARD", Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("请选择要补交的材料照片或文件");
    }

    @Test
    void theSameFormSentTwiceIsOneClaimAndAFormWithoutItsKeyIsRefused() {
        String id = member("DEMO-A", "13812340006");
        WorkbenchSession phone = MemberSignIn.signIn(port, jdbc, id);
        long memberId = jdbc.sql("select id from member where id_number = :id").param("id", id).query(Long.class).single();
        MultiValueMap<String, String> form = claimForm("6222021234567890128");
        Map<String, byte[]> photo = Map.of("发票.jpg", PaperFiles.image("jpg", 600, 400, 6));
        WorkbenchSession.Page first = phone.postBytes("/m/claims/new", form, "paper.INVOICE", photo);
        WorkbenchSession.Page again = phone.postBytes("/m/claims/new", form, "paper.INVOICE", photo);
        assertThat(first.status()).as(first.text()).isEqualTo(302);
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(jdbc.sql("select count(*) from claim where member_id = :m").param("m", memberId).query(Long.class)
                .single()).isEqualTo(1);
        long claim = Long.parseLong(first.location().replaceAll(".*/m/claims/(\\d+)/receipt", "$1"));
        assertThat(paperCount(claim)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where claim_id = :id and kind = 'CLAIM_RECEIVED'")
                .param("id", claim).query(Long.class).single()).isEqualTo(1);

        // another member's phone sending that key takes nothing of the first claim
        WorkbenchSession other = MemberSignIn.signIn(port, jdbc, member("DEMO-A", "13812340007"));
        WorkbenchSession.Page taken = other.postBytes("/m/claims/new", form, "paper.INVOICE", photo);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text()).contains("表单已失效").doesNotContain(Long.toString(claim));

        long claims = jdbc.sql("select count(*) from claim").query(Long.class).single();
        form.set("intakeKey", "");
        WorkbenchSession.Page keyless = phone.postBytes("/m/claims/new", form, "paper.INVOICE", photo);
        assertThat(keyless.status()).isEqualTo(400);
        assertThat(keyless.html().select("[role=alert]").text()).contains("表单已失效");
        // the page sent back carries a fresh key, so that the member can send it as it is
        assertThat(keyless.html().selectFirst("input[name=intakeKey]").val()).matches("[0-9a-f-]{36}");
        assertThat(jdbc.sql("select count(*) from claim").query(Long.class).single()).isEqualTo(claims);
    }

    @Test
    void aQuoteCountsTheMembersOwnCover() {
        String id = member("DEMO-A", "13812340005");
        WorkbenchSession phone = MemberSignIn.signIn(port, jdbc, id);
        phone.get("/m/quote");
        WorkbenchSession.Page quote = phone.post("/m/quote", Map.of("scheme", "INPATIENT",
                "admissionDate", EngineTime.today().minusDays(15).toString(),
                "dischargeDate", EngineTime.today().minusDays(5).toString(), "expenses.total", "20000.00",
                "expenses.policyScope", "15000.00", "expenses.fundPaid", "9000.00",
                "expenses.criticalIllnessPaid", "0", "expenses.medicalAssistancePaid", "0"));
        assertThat(quote.status()).as(quote.text()).isEqualTo(200);
        assertThat(quote.html().select("[data-quote=result]").text()).contains("预计补助").contains("元");
        WorkbenchSession.Page bad = phone.post("/m/quote", Map.of("scheme", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().selectFirst("#error-scheme").text()).isEqualTo("请选择保障项目");
    }

    private long paperCount(long claim) {
        return jdbc.sql("select count(*) from paper where claim_id = :id").param("id", claim).query(Long.class).single();
    }

    static MultiValueMap<String, String> claimForm(String account) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("scheme", "INPATIENT");
        form.add("admissionDate", EngineTime.today().minusDays(15).toString());
        form.add("dischargeDate", EngineTime.today().minusDays(5).toString());
        form.add("hospital", "安阳市人民医院");
        form.add("diagnosis", "社区获得性肺炎");
        form.add("expenses.total", "20000.00");
        form.add("expenses.policyScope", "15000.00");
        form.add("expenses.fundPaid", "9000.00");
        form.add("expenses.criticalIllnessPaid", "0");
        form.add("expenses.medicalAssistancePaid", "0");
        form.add("invoice.code", "410001");
        form.add("invoice.number", TestIds.code("N").replace("-", ""));
        form.add("bankAccount.bankName", "中国工商银行");
        form.add("bankAccount.accountNumber", account);
        form.add("bankAccount.accountName", "测试会员");
        form.add("intakeKey", UUID.randomUUID().toString());
        return form;
    }

    private String member(String agency, String mobile) {
        Api api = new Api(rest);
        String id = api.enrolledMember(agency, "EMPLOYEE");
        long memberId = jdbc.sql("select id from member where id_number = :id").param("id", id).query(Long.class).single();
        Api.require(api.exchange("admin", HttpMethod.PUT, "/api/members/" + memberId + "/mobile", Map.of("mobile", mobile)), 200);
        return id;
    }
}
