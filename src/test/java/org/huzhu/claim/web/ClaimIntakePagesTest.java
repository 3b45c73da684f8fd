package org.huzhu.claim.web;

import java.util.List;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The counter's claim form over HTTP, as the browser's htmx sends it: the live checks of the ID
 * number, the dates, the amounts and the invoices, the pre-check's verdict and the quote before
 * anything is stored; the review, the confirmation (twice, as a double click) and the receipt.
 */
@HuzhuIntegrationTest
class ClaimIntakePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    Api api;
    WorkbenchSession clerk;
    String member;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        // enrolled for this scheme year only: a stay in 2019 is not covered
        member = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber());
        api.enrol(member, "INPATIENT", "2026-10-16", "2027-10-15");
        clerk = WorkbenchSession.signIn(port, "clerk");
        clerk.get("/intake/claims/new");
    }

    @Test
    void theIdNumberIsCheckedAsItIsTyped() {
        assertThat(memberCheck(member.substring(0, 10))).contains("已输入10位，还差8位");
        String wrongCheck = member.substring(0, 17) + (member.charAt(17) == '1' ? '2' : '1');
        assertThat(memberCheck(wrongCheck)).contains("校验位不符");
        assertThat(memberCheck(TestIds.idNumber())).contains("未找到该身份证号的参保人", "登记参保人");
        String found = memberCheck(member);
        assertThat(found).contains("测试会员", "职工医保", "住院医疗互助 2026-10-16 至 2027-10-15",
                member.substring(0, 6) + "********" + member.substring(14));
        assertThat(found).doesNotContain(member);
        // from the member's page the form comes with the full number: a read the audit trail records
        long id = jdbc.sql("select id from member where id_number = :id").param("id", member).query(Long.class).single();
        assertThat(clerk.get("/intake/claims/new?member=" + id).html().getElementById("memberIdNumber").val())
                .isEqualTo(member);
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where actor = 'clerk' and action = 'PERSONAL_DATA_VIEWED'
                          and subject_type = 'MEMBER' and subject_id = :id""").param("id", Long.toString(id))
                .query(Long.class).single()).isOne();
        // a member of another agency is not served at this counter
        String elsewhere = api.registeredMember("DEMO-B", "EMPLOYEE", TestIds.idNumber());
        assertThat(memberCheck(elsewhere)).contains("属于其他代办点（DEMO-B）");
    }

    @Test
    void thePreviewCatchesATypoInTheAdmissionDateBeforeAnythingIsStored() {
        MultiValueMap<String, String> form = form(member);
        form.set("admissionDate", "2019-11-20");
        Document typo = preview(form);
        assertThat(typo.select("section.verdict").text()).contains("将被拒绝", "入院日期不在该会员的参保期内");
        assertThat(typo.select("section.quote").text()).contains("不予补助");

        form.set("admissionDate", date(11));
        form.remove("documents");
        ClaimRequests.ALL_DOCUMENTS.stream().filter(kind -> !kind.equals("SETTLEMENT_STATEMENT"))
                .forEach(kind -> form.add("documents", kind));
        Document incomplete = preview(form);
        assertThat(incomplete.select("section.verdict").text()).contains("材料不全", "缺少材料：医保结算单");
        assertThat(incomplete.select("section.quote").text()).contains("6,827.00 元", "按现行规则第");

        form.add("documents", "SETTLEMENT_STATEMENT");
        Document eligible = preview(form);
        assertThat(eligible.select("section.verdict").text()).contains("可以受理", "支付时限：材料齐全之日起10个工作日内");
        assertThat(eligible.select("[hx-swap-oob]").eachText()).allMatch(String::isEmpty);
        assertThat(claimsOf(member)).isZero();
    }

    @Test
    void theLiveCheckNamesWhatIsWrongWithTheTypedValuesAtTheirFields() {
        MultiValueMap<String, String> form = form(member);
        form.set("expenses.total", "40000.0a");
        form.set("dischargeDate", date(5));
        form.set("accountNumber", "6222-02");
        form.put("invoiceCode", List.of("410001", "410001", ""));
        form.put("invoiceNumber", List.of("77", "77", ""));
        form.set("hospital", "");
        Document checked = preview(form);
        assertThat(checked.getElementById("error-expenses-total").text()).isEqualTo("金额应为数字，如 1234.56");
        assertThat(checked.getElementById("error-dischargeDate").text()).isEqualTo("出院日期不能早于入院日期");
        assertThat(checked.getElementById("error-bankAccount-accountNumber").text()).isEqualTo("银行账号应为12到30位数字");
        assertThat(checked.getElementById("error-invoices-1").text()).isEqualTo("同一张发票重复填写");
        // what is still blank is not an error while the clerk types
        assertThat(checked.getElementById("error-hospital").text()).isEmpty();

        // one more row after the three the form has
        Page row = clerk.get("/intake/claims/new/invoice-row?invoiceCode=410001&invoiceCode=&invoiceCode=");
        assertThat(row.html().select("input[name=invoiceCode]")).hasSize(1);
        assertThat(row.html().select("#error-invoices-3-code")).hasSize(1);

        // an invoice another claim holds: the pre-check would refuse it
        Map<String, Object> other = ClaimRequests.claim(api.enrolledMember(), "900.00");
        other.put("invoices", List.of(Map.of("code", "410009", "number", "808")));
        require(api.post("clerk", "/api/claims", other), 201);
        MultiValueMap<String, String> reused = form(member);
        reused.put("invoiceCode", List.of("410009"));
        reused.put("invoiceNumber", List.of("808"));
        assertThat(preview(reused).select("section.verdict").text()).contains("发票已用于其他申请：410009-808");
        assertThat(claimsOf(member)).isZero();
    }

    @Test
    void aReviewedClaimConfirmedTwiceIsOneClaimWithItsReceipt() {
        MultiValueMap<String, String> wrong = form(member);
        wrong.set("dischargeDate", date(2));
        wrong.set("accountName", "");
        Page refused = clerk.post("/intake/claims/new", wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().getElementById("error-dischargeDate").text()).isEqualTo("出院日期不能早于入院日期");
        assertThat(refused.html().getElementById("error-bankAccount-accountName").text()).isEqualTo("请填写账户名");
        assertThat(refused.html().getElementById("hospital").val()).isEqualTo("安阳市人民医院");
        assertThat(refused.html().select("input[name=invoiceCode]").eachAttr("value")).startsWith("410001");
        assertThat(claimsOf(member)).isZero();

        MultiValueMap<String, String> form = form(member);
        Page review = clerk.post("/intake/claims/new", form);
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.text()).contains("核对并确认", "6,827.00 元", "可以受理", "40,000.00 元",
                member.substring(0, 6) + "********" + member.substring(14), "****0128");
        assertThat(review.html().select("input[name=intakeKey]").val()).isEqualTo(form.getFirst("intakeKey"));
        assertThat(claimsOf(member)).isZero();

        Page back = clerk.post("/intake/claims/new", with(form, "action", "edit"));
        assertThat(back.html().getElementById("memberIdNumber").val()).isEqualTo(member);
        assertThat(back.html().select("input[name=documents][checked]")).hasSize(ClaimRequests.ALL_DOCUMENTS.size());

        MultiValueMap<String, String> confirmed = with(form, "action", "submit");
        Page first = clerk.post("/intake/claims/new", confirmed);
        Page second = clerk.post("/intake/claims/new", confirmed);
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location()).endsWith("/receipt");
        assertThat(claimsOf(member)).isOne();
        long id = jdbc.sql("select c.id from claim c join member m on m.id = c.member_id where m.id_number = :id")
                .param("id", member).query(Long.class).single();
        assertThat(jdbc.sql("select code || '-' || number from claim_invoice where claim_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("410001-" + form.getFirst("invoiceNumber"));
        assertThat(jdbc.sql("select status from claim where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("AGENCY_CHECK");

        Page receipt = follow(first);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.text()).contains("受理回执", "申请编号 " + id, "测试会员",
                member.substring(0, 6) + "********" + member.substring(14), "住院医疗互助", "40,000.00 元",
                "医疗发票", "医保结算单", "代办点审核", "材料齐全之日起10个工作日内支付", "个工作日）");
        assertThat(receipt.html().select("article.receipt h2").eachText()).contains("已收材料", "尚缺材料", "支付时限");
        assertThat(receipt.text()).doesNotContain(member);
        assertThat(receipt.html().select("button[data-print]").text()).isEqualTo("打印回执");
        assertThat(receipt.html().select("a[href=/claims/" + id + "]")).hasSize(1);
    }

    @Test
    void aClaimMissingPapersWaitsForThemAndTheirSupplementCompletesIt() {
        MultiValueMap<String, String> form = form(member);
        form.remove("documents");
        form.add("documents", "INVOICE");
        form.add("documents", "ID_CARD");
        form.add("documents", "BANK_CARD");
        Page submitted = clerk.post("/intake/claims/new", with(form, "action", "submit"));
        Page receipt = follow(submitted);
        long id = Long.parseLong(submitted.location().replaceAll(".*/claims/(\\d+)/receipt$", "$1"));
        assertThat(receipt.text()).contains("待补件", "出院小结、费用清单、医保结算单：请尽快补交", "补齐材料后开始计算");

        Page home = clerk.get("/");
        long waiting = jdbc.sql("""
                        select count(*) from claim c join agency a on a.id = c.agency_id
                        where a.code = 'DEMO-A' and c.status = 'AWAITING_SUPPLEMENTS'""").query(Long.class).single();
        assertThat(home.html().select("a.figure[href=/intake/supplements]").text()).isEqualTo(waiting + " 待补件的申请");
        assertThat(clerk.get("/intake/supplements").html().select("a[href=/intake/claims/" + id + "/supplements]"))
                .hasSize(1);
        // the whole list as a file, one line a waiting claim, ID numbers masked
        WorkbenchSession.Download file = clerk.download("/intake/supplements/csv");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).startsWith("\uFEFF申请编号,参保人,身份证号（脱敏）,保障项目,受理日期,尚缺材料\n")
                .containsPattern("\n" + id + ",[^,]+,\\d{6}\\*{8}\\d{3}[0-9X],");
        assertThat(file.text().lines().count() - 1).isEqualTo(waiting);

        Page nothing = clerk.post("/intake/claims/" + id + "/supplements", Map.of());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.html().getElementById("error-documents").text()).isEqualTo("请选择补交的材料");
        assertThat(status(id)).isEqualTo("AWAITING_SUPPLEMENTS");

        // a file: a program called .jpg is refused at the field, a phone photo is stored
        Page noKind = clerk.postBytes("/intake/claims/" + id + "/papers", Map.of("kind", ""), "file",
                Map.of("出院小结.jpg", PaperFiles.image("jpeg", 640, 480, 7)));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.html().getElementById("error-kind").text()).isEqualTo("请选择材料类型");
        Page program = clerk.postBytes("/intake/claims/" + id + "/papers", Map.of("kind", "DISCHARGE_SUMMARY"), "file",
                Map.of("出院小结.jpg", PaperFiles.program()));
        assertThat(program.status()).isEqualTo(400);
        assertThat(program.html().getElementById("error-file").text()).startsWith("出院小结.jpg：只接受 JPEG、PNG").endsWith("请重新选择文件。");
        assertThat(program.html().selectFirst("#paper-kind option[selected]").val()).isEqualTo("DISCHARGE_SUMMARY");
        assertThat(jdbc.sql("select count(*) from paper where claim_id = :id").param("id", id).query(Long.class).single()).isZero();
        Page photo = clerk.postBytes("/intake/claims/" + id + "/papers", Map.of("kind", "DISCHARGE_SUMMARY"), "file",
                Map.of("出院小结.jpg", PaperFiles.image("jpeg", 640, 480, 7)));
        assertThat(photo.location()).endsWith("/intake/claims/" + id + "/receipt");
        assertThat(follow(photo).text()).contains("已上传1个文件。仍缺：费用清单、医保结算单");
        assertThat(jdbc.sql("select kind || ' ' || content_type || ' ' || uploaded_by from paper where claim_id = :id")
                .param("id", id).query(String.class).list()).containsExactly("DISCHARGE_SUMMARY image/jpeg clerk");
        assertThat(status(id)).isEqualTo("AWAITING_SUPPLEMENTS");

        MultiValueMap<String, String> papers = new LinkedMultiValueMap<>();
        papers.put("documents", List.of("EXPENSE_LIST", "SETTLEMENT_STATEMENT"));
        Page first = clerk.post("/intake/claims/" + id + "/supplements", papers);
        Page again = clerk.post("/intake/claims/" + id + "/supplements", papers);
        assertThat(first.location()).endsWith("/intake/claims/" + id + "/receipt");
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(status(id)).isEqualTo("AGENCY_CHECK");
        assertThat(follow(first).text()).contains("补件已登记，材料齐全", "代办点审核", "个工作日）");
        Page stale = clerk.get("/intake/claims/" + id + "/supplements");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains("不需要补件");
    }

    @Test
    void filesUploadedInTheFormComeWithTheClaimAndAnInvoicesQrCodeFillsItsRow() {
        MultiValueMap<String, String> form = form(member);
        String key = form.getFirst("intakeKey");
        String number = String.format("%08d", System.nanoTime() % 100_000_000L);
        form.put("invoiceCode", List.of("", "", ""));
        form.put("invoiceNumber", List.of("", "", ""));
        form.put("documents", new java.util.ArrayList<>(ClaimRequests.ALL_DOCUMENTS.stream().filter(d -> !d.equals("INVOICE")).toList()));
        byte[] invoice = PaperFiles.png(PaperFiles.qrPage(1240, 1754,
                "01,10,044001900111," + number + ",1264.90,20261118,85342965681116380258,A1B2,", 80, 80, 6));

        Page uploaded = clerk.postBytes("/intake/claims/new/papers", with(form, "paperKind", "INVOICE"), "paperFile",
                Map.of("发票.png", invoice));
        assertThat(uploaded.status()).isEqualTo(200);
        Document page = uploaded.html();
        assertThat(page.select("p.notice").text())
                .isEqualTo("已上传1个文件。已按发票二维码填入发票 044001900111-" + number + "，请与原件核对。");
        assertThat(page.select("input[name=invoiceCode]").eachAttr("value")).startsWith("044001900111");
        assertThat(page.select("input[name=invoiceNumber]").eachAttr("value")).startsWith(number);
        assertThat(page.getElementById("hospital").val()).isEqualTo("安阳市人民医院");
        assertThat(page.select("input[name=intakeKey]").val()).isEqualTo(key);
        assertThat(page.select("ul.staged-files li").text()).contains("医疗发票", "发票.png", "二维码：增值税电子普通发票");
        assertThat(staged(key)).containsExactly("INVOICE 发票.png");
        form.put("invoiceCode", page.select("input[name=invoiceCode]").eachAttr("value"));
        form.put("invoiceNumber", page.select("input[name=invoiceNumber]").eachAttr("value"));

        // a refused file keeps nothing and everything typed; a wrong photo is removed before submitting
        Page program = clerk.postBytes("/intake/claims/new/papers", with(form, "paperKind", "ID_CARD"), "paperFile",
                Map.of("身份证.jpg", PaperFiles.program()));
        assertThat(program.status()).isEqualTo(400);
        assertThat(program.html().getElementById("error-paperFile").text()).startsWith("身份证.jpg：只接受 JPEG、PNG");
        assertThat(program.html().selectFirst("#paperKind option[selected]").val()).isEqualTo("ID_CARD");
        assertThat(program.html().select("input[name=invoiceNumber]").eachAttr("value")).startsWith(number);
        assertThat(staged(key)).containsExactly("INVOICE 发票.png");
        Page photo = clerk.postBytes("/intake/claims/new/papers", with(form, "paperKind", "ID_CARD"), "paperFile",
                Map.of("错拍.jpg", PaperFiles.image("jpeg", 640, 480, 11)));
        String wrongId = photo.html().select("ul.staged-files li").last().attr("data-paper");
        assertThat(staged(key)).containsExactly("INVOICE 发票.png", "ID_CARD 错拍.jpg");
        Page removed = clerk.post("/intake/claims/new/papers/" + wrongId + "/remove", form);
        assertThat(removed.html().select("ul.staged-files li")).hasSize(1);
        assertThat(staged(key)).containsExactly("INVOICE 发票.png");

        // the preview counts the file as the invoice handed in
        Page preview = clerk.post("/intake/claims/new/preview", form);
        assertThat(preview.text()).contains("可以受理").doesNotContain("缺少材料");

        // a file chosen but not uploaded is not lost unseen
        Page forgotten = clerk.post("/intake/claims/new", with(form, "paperFile", "结算单.pdf"));
        assertThat(forgotten.status()).isEqualTo(400);
        assertThat(forgotten.html().getElementById("error-paperFile").text()).contains("结算单.pdf", "尚未上传");

        Page review = clerk.post("/intake/claims/new", form);
        assertThat(review.text()).contains("医疗发票：发票.png", "044001900111-" + number);
        Page submitted = clerk.post("/intake/claims/new", with(form, "action", "submit"));
        long id = Long.parseLong(submitted.location().replaceAll(".*/claims/(\\d+)/receipt$", "$1"));
        assertThat(status(id)).isEqualTo("AGENCY_CHECK");
        assertThat(staged(key)).isEmpty();
        assertThat(jdbc.sql("select kind || ' ' || original_name from paper where claim_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("INVOICE 发票.png");
        assertThat(jdbc.sql("select evidence from claim_document where claim_id = :id and kind = 'INVOICE'").param("id", id)
                .query(String.class).list()).containsExactly("FILE");
        assertThat(jdbc.sql("select code || '-' || number from claim_invoice where claim_id = :id").param("id", id)
                .query(String.class).list()).containsExactly("044001900111-" + number);
    }

    private List<String> staged(String key) {
        return jdbc.sql("select kind || ' ' || original_name from paper where claim_id is null and intake_key = :key::uuid order by id")
                .param("key", key).query(String.class).list();
    }

    @Test
    void otherRolesAndOtherAgenciesTakeNoClaimIn() {
        MultiValueMap<String, String> form = with(form(member), "action", "submit");
        WorkbenchSession agency = WorkbenchSession.signIn(port, "agency");
        agency.get("/");
        assertThat(agency.post("/intake/claims/new", form).status()).isEqualTo(403);
        assertThat(agency.post("/intake/claims/new/preview", form).status()).isEqualTo(403);
        assertThat(clerk.postWithoutToken("/intake/claims/new", Map.of("action", "submit")).status()).isEqualTo(403);
        assertThat(claimsOf(member)).isZero();

        String elsewhere = api.registeredMember("DEMO-B", "EMPLOYEE", TestIds.idNumber());
        api.enrol(elsewhere, "INPATIENT", "2026-10-16", "2027-10-15");
        Page refused = clerk.post("/intake/claims/new", with(form(elsewhere), "action", "submit"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("只能受理本代办点会员的申请");
        assertThat(claimsOf(elsewhere)).isZero();
        long theirs = require(api.post("admin", "/api/claims", ClaimRequests.claim(elsewhere, "900.00")), 201)
                .body().get("id").asLong();
        assertThat(clerk.get("/intake/claims/" + theirs + "/receipt").status()).isEqualTo(403);
    }

    private String memberCheck(String idNumber) {
        Page answer = clerk.post("/intake/claims/new/member", Map.of("memberIdNumber", idNumber));
        assertThat(answer.status()).isEqualTo(200);
        return answer.text();
    }

    /** Where a redirect sends the clerk. */
    private Page follow(Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        return clerk.get(java.net.URI.create(redirect.location()).getRawPath());
    }

    private Document preview(MultiValueMap<String, String> form) {
        Page answer = clerk.post("/intake/claims/new/preview", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.html();
    }

    /** The counter's form filled in for a stay last month: an eligible base of 14,054.00 (Anyang: 6,827.00). */
    private MultiValueMap<String, String> form(String idNumber) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("intakeKey", java.util.UUID.randomUUID().toString());
        form.add("memberIdNumber", idNumber);
        form.add("scheme", "INPATIENT");
        form.add("admissionDate", date(11));
        form.add("dischargeDate", date(20));
        form.add("hospital", "安阳市人民医院");
        form.add("diagnosis", "肺炎");
        form.add("expenses.total", "40000.00");
        form.add("expenses.policyScope", "30000.00");
        form.add("expenses.fundPaid", "15946.00");
        form.add("expenses.criticalIllnessPaid", "0.00");
        form.add("expenses.medicalAssistancePaid", "0.00");
        form.put("invoiceCode", List.of("410001", "", ""));
        form.put("invoiceNumber", List.of(TestIds.code("N").replace("-", ""), "", ""));
        form.put("documents", new java.util.ArrayList<>(ClaimRequests.ALL_DOCUMENTS));
        form.add("bankName", "中国工商银行");
        form.add("accountNumber", "6222021234567890128");
        form.add("accountName", "测试会员");
        return form;
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> form, String field, String value) {
        MultiValueMap<String, String> copy = new LinkedMultiValueMap<>(form);
        copy.set(field, value);
        return copy;
    }

    /** A day of last month: the stay is in this scheme year and over. */
    private static String date(int dayOfNovember) {
        return EngineTime.today().withMonth(11).withDayOfMonth(dayOfNovember).toString();
    }

    private long claimsOf(String idNumber) {
        return jdbc.sql("select count(*) from claim c join member m on m.id = c.member_id where m.id_number = :id")
                .param("id", idNumber).query(Long.class).single();
    }

    private String status(long claimId) {
        return jdbc.sql("select status from claim where id = :id").param("id", claimId).query(String.class).single();
    }
}
