package org.huzhu.payout.web;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.huzhu.platform.Money;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimDriver;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestClaims;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Finance's pages through a signed-in session: batches, payments, returns, reconciliation, the fund, contributions. */
@HuzhuIntegrationTest
class FinancePagesTest {

    static final String RETURNED_ACCOUNT = "6222000000000000017";
    static final String PAID_ACCOUNT = "6222021234567890128";

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

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void financeFindsAPaidClaimInItsBatchReconcilesItAndDownloadsTheCsv() {
        long claim = api.approvedClaim(PAID_ACCOUNT);
        new ClaimDriver(api, taskService, management, jdbc).pay(claim);
        long batch = jdbc.sql("select batch_id from payment_instruction where claim_id = :claim").param("claim", claim)
                .query(Long.class).single();
        String file = jdbc.sql("select file_name from payment_batch where id = :id").param("id", batch)
                .query(String.class).single();
        BigDecimal total = jdbc.sql("select total from payment_batch where id = :id").param("id", batch)
                .query(BigDecimal.class).single();

        WorkbenchSession finance = WorkbenchSession.signIn(port, "finance");
        Page home = finance.get("/");
        assertThat(home.text()).contains("财务人员");
        assertThat(home.menu()).containsSubsequence("付款批次", "付款指令", "退票待更正", "对账", "缴费与补贴", "基金结余")
                .doesNotContain("支付时限督办", "员工账号与角色");

        Page batches = finance.get("/finance/batches");
        assertThat(batches.status()).isEqualTo(200);
        Element row = batches.html().selectFirst("table.batches tr:has(a[href=/finance/batches/" + batch + "])");
        assertThat(row.text()).contains(file, Money.grouped(total), "已送银行");

        Page detail = finance.get("/finance/batches/" + batch);
        assertThat(detail.status()).isEqualTo(200);
        Element line = detail.html().selectFirst("table.lines tr[data-claim=" + claim + "]");
        assertThat(line.text()).contains("1,300.00", "已入账", "***************0128", "中国工商银行");
        assertThat(detail.body()).doesNotContain(PAID_ACCOUNT);
        // finance sees which claim a payment is for, not the claim; a supervisor may open it
        assertThat(line.select("a[href=/claims/" + claim + "]")).isEmpty();
        assertThat(WorkbenchSession.signIn(port, "supervisor").get("/finance/batches/" + batch).html()
                .select("tr[data-claim=" + claim + "] a[href=/claims/" + claim + "]")).hasSize(1);

        Page confirmed = finance.get("/finance/instructions?status=CONFIRMED");
        assertThat(confirmed.html().select("nav.tabs a.active").text()).startsWith("已入账");
        assertThat(confirmed.html().selectFirst("table.lines tr[data-claim=" + claim + "]").text()).contains("已入账");
        assertThat(finance.get("/finance/instructions?status=MAYBE").status()).isEqualTo(400);
        Page notANumber = finance.get("/finance/batches/one");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.text()).contains("地址中的 id 有误");
        assertThat(finance.get("/finance/batches/0").text()).contains("付款批次不存在");

        Page byBatch = finance.get("/finance/reconciliation?batch=" + batch);
        assertThat(byBatch.text()).contains("批次" + file, "已入账");
        assertThat(byBatch.html().selectFirst("table.lines tr[data-claim=" + claim + "]").text()).contains("1,300.00", "已入账");
        String day = jdbc.sql("select business_date::text from payment_batch where id = :id").param("id", batch)
                .query(String.class).single();
        Page byDay = finance.get("/finance/reconciliation?day=" + day);
        assertThat(byDay.text()).contains(day + "全部批次");
        assertThat(byDay.html().select("table.lines tr[data-claim=" + claim + "]")).hasSize(1);
        assertThat(byDay.html().select("a[download]").attr("href")).isEqualTo("/finance/reconciliation/csv?day=" + day);
        Page typo = finance.get("/finance/reconciliation?day=2026-13-01");
        assertThat(typo.html().select(".field.invalid .error").text()).contains("日期格式应为YYYY-MM-DD");

        Page csv = finance.get("/finance/reconciliation/csv?batch=" + batch);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("reconciliation-batch-" + batch + ".csv");
        assertThat(csv.body()).startsWith("\uFEFF对账范围").contains("已入账", "1300.00", "***************0128")
                .doesNotContain(PAID_ACCOUNT);
        assertThat(csv.body().getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);

        // the batch's lines and the instructions of a status as files, masked as on the page, each download recorded
        WorkbenchSession.Download lines = finance.download(detail.html().select("p.downloads a").stream()
                .filter(a -> a.text().equals("Excel")).findFirst().orElseThrow().attr("href"));
        assertThat(lines.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(lines.body()))) {
            Sheet sheet = book.getSheet("付款明细");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("账号（脱敏）");
            Row paid = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                    .filter(r -> r.getCell(1).getStringCellValue().equals(Long.toString(claim))).findFirst().orElseThrow();
            assertThat(paid.getCell(6).getStringCellValue()).isEqualTo("***************0128");
            assertThat(paid.getCell(7).getNumericCellValue()).isEqualTo(1300.0);
            assertThat(paid.getCell(9).getStringCellValue()).isEqualTo("已入账");
            assertThat(java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .flatMap(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false)).map(Object::toString))
                    .noneMatch(cell -> cell.contains(PAID_ACCOUNT));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(confirmed.html().select("p.downloads a").eachAttr("href"))
                .containsExactly("/finance/instructions/xlsx?status=CONFIRMED", "/finance/instructions/csv?status=CONFIRMED");
        WorkbenchSession.Download instructions = finance.download("/finance/instructions/csv?status=CONFIRMED");
        assertThat(instructions.text()).startsWith("\uFEFF指令编号,申请编号").contains("," + claim + ",", "***************0128")
                .doesNotContain(PAID_ACCOUNT);
        assertThat(finance.download("/finance/instructions/csv?status=MAYBE").status()).isEqualTo(400);
        assertThat(jdbc.sql("select subject_id || ' ' || reason from audit_event where actor = 'finance'"
                        + " and action = 'LIST_EXPORTED' order by id desc limit 2").query(String.class).list())
                .containsExactly("payment-instructions csv，" + (instructions.text().lines().count() - 1) + "行，状态 已入账",
                        "payment-batch xlsx，" + (detail.html().select("table.lines tbody tr").size()) + "行，批次 " + file);
    }

    @Test
    void aReturnedTransferWaitsForTheAccountFixAndCountsOnFinancesHome() {
        long claim = api.approvedClaim(RETURNED_ACCOUNT);
        Jobs.runDue(management, TestClaims.processOf(jdbc, claim));
        WorkbenchSession finance = WorkbenchSession.signIn(port, "finance");

        Page returns = finance.get("/finance/returns");
        Element row = returns.html().selectFirst("table.returns tr[data-claim=" + claim + "]");
        assertThat(row.text()).contains("账户已销户", "***************0017", "1,300.00");
        assertThat(returns.body()).doesNotContain(RETURNED_ACCOUNT);
        assertThat(returns.html().select("p.downloads a").eachAttr("href"))
                .containsExactly("/finance/returns/xlsx", "/finance/returns/csv");
        WorkbenchSession.Download file = finance.download("/finance/returns/csv");
        assertThat(file.text()).startsWith("\uFEFF申请编号,第几次付款,退票批次").contains(claim + ",1,", "***************0017",
                "1300.00", "账户已销户").doesNotContain(RETURNED_ACCOUNT);
        assertThat(file.text().lines().count() - 1).isEqualTo(returns.html().select("table.returns tbody tr").size());

        long waiting = jdbc.sql("""
                        select count(*) from payment_instruction i where i.status = 'RETURNED' and not exists
                            (select 1 from payment_instruction n where n.claim_id = i.claim_id and n.attempt > i.attempt)""")
                .query(Long.class).single();
        assertThat(waiting).isPositive();
        Page home = finance.get("/");
        assertThat(home.html().select("a.figure[href=/finance/returns]").text()).isEqualTo(waiting + " 退票待更正账户");
        assertThat(home.html().select("a.figure.warning[href=/finance/returns]")).hasSize(1);
        assertThat(home.html().select("a.figure").eachText()).anyMatch(text -> text.endsWith("今日付款批次"));
    }

    @Test
    void aContributionWithMistakesShowsEachAtItsFieldKeepsWhatWasTypedAndStoresNothing() {
        WorkbenchSession finance = WorkbenchSession.signIn(port, "finance");
        Page empty = finance.get("/finance/contributions");
        String formId = empty.html().selectFirst("form.contribution input[name=formId]").val();
        long before = contributions();

        Map<String, String> wrong = form("UNIT", formId);
        wrong.putAll(Map.of("schemeYear", "二〇二六", "unitCode", "NO-SUCH-UNIT", "members", "0", "perMember", "12.345"));
        Page refused = finance.post("/finance/contributions", wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorAt(refused, "schemeYear")).isEqualTo("请填写整数");
        assertThat(errorAt(refused, "unitCode")).isEqualTo("没有这个单位编码");
        assertThat(errorAt(refused, "members")).isEqualTo("参保人数须大于0");
        assertThat(errorAt(refused, "perMember")).contains("最多保留两位小数");
        assertThat(refused.html().select("input[name=unitCode]").val()).isEqualTo("NO-SUCH-UNIT");
        assertThat(refused.html().select("input[name=perMember]").val()).isEqualTo("12.345");
        Map<String, String> noFunder = form("FUNDER", formId);
        noFunder.putAll(Map.of("schemeYear", "2026", "funderCode", " ", "amount", "五千"));
        Page funder = finance.post("/finance/contributions", noFunder);
        assertThat(errorAt(funder, "funderCode")).isEqualTo("请填写出资方编码");
        assertThat(errorAt(funder, "amount")).contains("请填写金额");
        assertThat(funder.html().selectFirst("input[name=kind][value=FUNDER]").hasAttr("checked")).isTrue();
        assertThat(contributions()).isEqualTo(before);

        Map<String, String> right = form("UNIT", formId);
        right.putAll(Map.of("schemeYear", "2026", "unitCode", "DEMO-U1", "members", "120", "perMember", "30.00",
                "note", "2026年度第一批"));
        Page recorded = finance.post("/finance/contributions", right);
        assertThat(recorded.status()).isEqualTo(302);
        // the same form sent again (a second click, a reload) records nothing more
        Page again = finance.post("/finance/contributions", right);
        assertThat(again.location()).isEqualTo(recorded.location());
        assertThat(contributions()).isEqualTo(before + 1);
        Map<String, Object> row = jdbc.sql("""
                        select unit_code, members, per_member, amount, recorded_by from fund_contribution
                        order by id desc limit 1""").query().singleRow();
        assertThat(row).containsEntry("unit_code", "DEMO-U1").containsEntry("members", 120)
                .containsEntry("recorded_by", "finance");
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("3600.00");
        assertThat(recorded.location()).contains("/finance/contributions?recorded=");
        Page list = finance.get(recorded.location().substring(recorded.location().indexOf("/finance/")));
        assertThat(list.text()).contains("已登记");
        assertThat(list.html().selectFirst("table.contributions tbody tr").text())
                .contains("住院医疗互助", "演示机械厂（DEMO-U1）", "3,600.00", "30.00", "2026年度第一批", "finance");

        // supervisors read the list but record nothing; nobody records without the form's token
        WorkbenchSession supervisor = WorkbenchSession.signIn(port, "supervisor");
        Page read = supervisor.get("/finance/contributions");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.html().select("form.contribution")).isEmpty();
        Map<String, String> another = new HashMap<>(right);
        another.put("formId", "another-form");
        assertThat(supervisor.post("/finance/contributions", another).status()).isEqualTo(403);
        assertThat(finance.postWithoutToken("/finance/contributions", another).status()).isEqualTo(403);
        assertThat(WorkbenchSession.signIn(port, "clerk").get("/finance/contributions").status()).isEqualTo(403);
        assertThat(contributions()).isEqualTo(before + 1);
    }

    @Test
    void theFundOfEachSchemeYearShowsANegativeBalanceAsAWarning() {
        ClaimDriver claims = new ClaimDriver(api, taskService, management, jdbc);
        // nobody records contributions to major illness: its payouts leave the fund below zero
        String member = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber('M', LocalDate.of(1980, 5, 5)));
        api.enrol(member, "MAJOR_ILLNESS", "2025-01-01", "2030-12-31");
        JsonNode submitted = require(api.post("clerk", "/api/claims", ClaimRequests.lumpSum(member, "MAJOR_ILLNESS",
                "I63.9", "DIAGNOSIS_CERTIFICATE", "DISCHARGE_SUMMARY", "ID_CARD", "BANK_CARD")), 201).body();
        assertThat(submitted.get("status").asText()).as(submitted.toString()).isEqualTo("AGENCY_CHECK");
        long claim = submitted.get("id").asLong();
        require(api.decide("agency", claim, "APPROVE", null), 200);
        require(api.decide("league", claim, "APPROVE", null), 200);
        claims.approveRoutedChecks(claim);
        claims.pay(claim);
        int year = jdbc.sql("select scheme_year from payment where claim_id = :claim").param("claim", claim)
                .query(Integer.class).single();

        Document fund = WorkbenchSession.signIn(port, "finance").get("/finance/fund").html();
        for (Element row : fund.select("table.fund tbody tr")) {
            String scheme = row.attr("data-scheme");
            int rowYear = Integer.parseInt(row.attr("data-year"));
            BigDecimal balance = balanceFromScratch(scheme, rowYear);
            assertThat(row.selectFirst("td.balance").text()).isEqualTo(Money.grouped(balance));
            assertThat(row.select("td.balance .tag.alarm").isEmpty()).as(scheme + " " + rowYear).isEqualTo(balance.signum() >= 0);
        }
        Element illness = fund.selectFirst("table.fund tr[data-scheme=MAJOR_ILLNESS][data-year=" + year + "]");
        assertThat(illness.text()).contains("重大疾病互助", "15,000.00");
        assertThat(balanceFromScratch("MAJOR_ILLNESS", year)).isNegative();
        assertThat(fund.select(".warning").eachText()).anyMatch(text -> text.startsWith("重大疾病互助 " + year + "年度")
                && text.contains("基金结余为负（" + Money.grouped(balanceFromScratch("MAJOR_ILLNESS", year)) + " 元）"));
    }

    private BigDecimal balanceFromScratch(String scheme, int year) {
        return jdbc.sql("""
                        select (select coalesce(sum(amount), 0) from fund_contribution where scheme = :scheme and scheme_year = :year)
                             - (select coalesce(sum(amount), 0) from payment where scheme = :scheme and scheme_year = :year)""")
                .param("scheme", scheme).param("year", year).query(BigDecimal.class).single();
    }

    private static Map<String, String> form(String kind, String formId) {
        Map<String, String> form = new HashMap<>(Map.of("kind", kind, "scheme", "INPATIENT", "formId", formId));
        for (String field : List.of("unitCode", "members", "perMember", "funderCode", "amount", "note")) {
            form.put(field, "");
        }
        return form;
    }

    private static String errorAt(Page page, String field) {
        Element at = page.html().selectFirst(".field.invalid:has([name=" + field + "]) .error");
        assertThat(at).as("an error at " + field + " in " + page.text()).isNotNull();
        return at.text();
    }

    private long contributions() {
        return jdbc.sql("select count(*) from fund_contribution").query(Long.class).single();
    }
}
