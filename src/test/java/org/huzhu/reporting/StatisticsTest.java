package org.huzhu.reporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.StatisticsTallies;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.huzhu.support.WorkbenchSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/**
 * The statistics of a scheme year on a dataset of the test's own agency: four units and members,
 * two claims paid, one rejected by the agency auditor, one by the pre-check, one still open;
 * each figure equals the hand count and a direct count over the base tables.
 */
@HuzhuIntegrationTest
class StatisticsTest extends ClaimProcessTest {

    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Statistics statistics;
    @Autowired
    StatisticsParameters parameters;

    @Test
    void aSchemeYearsFiguresEqualTheHandCountAndTheBaseTables() throws Exception {
        String agency = TestAgencies.create(organisations, identities);
        String auditor = TestAgencies.auditor(agency);
        long paidA = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        long paidB = TestClaims.submit(api, agency, EngineTime.today().minusDays(18));
        long rejected = TestClaims.submit(api, agency, EngineTime.today().minusDays(16));
        long rejectedToo = TestClaims.submit(api, agency, EngineTime.today().minusDays(15));
        long open = TestClaims.submit(api, agency, EngineTime.today().minusDays(14));
        // the same invoice as the first claim: the pre-check refuses it
        Map<String, Object> twice = ClaimRequests.claim(api.enrolledMember(agency, "EMPLOYEE"), "1500.00");
        twice.put("invoices", jdbc.sql("select code, number from claim_invoice where claim_id = :id").param("id", paidA)
                .query((row, n) -> Map.of("code", row.getString("code"), "number", row.getString("number"))).list());
        long refused = require(api.post("admin", "/api/claims", twice), 201).body().get("id").asLong();
        Jobs.runDue(management, claims.processOf(refused));
        assertThat(claims.status(refused)).isEqualTo("REJECTED");

        for (long id : List.of(paidA, paidB)) {
            require(api.decide(auditor, id, "APPROVE", null), 200);
            require(api.decide("league", id, "APPROVE", null), 200);
            claims.approveRoutedChecks(id);
            claims.pay(id);
        }
        require(api.decide(auditor, rejected, "REJECT", "PAPERS_NOT_CONSISTENT", "住院材料与医保结算单不符"), 200);
        require(api.decide(auditor, rejectedToo, "REJECT", "PAPERS_NOT_CONSISTENT", "发票金额与费用清单不一致"), 200);
        // the member asks for a review of one rejection; the league head refuses it, so it stays rejected
        require(api.post("admin", "/api/claims/" + rejectedToo + "/reviews", Map.of("reason", "金额以结算单为准")), 201);
        require(claims.decision("head", taskService.createTaskQuery().processDefinitionKey("rejection-review")
                .processInstanceBusinessKey(Long.toString(rejectedToo)).singleResult(), "REFUSE", "结算单与发票仍不一致"), 200);
        assertThat(claims.status(open)).isEqualTo("AGENCY_CHECK");

        int year = EngineTime.today().getYear();
        String query = "scheme=INPATIENT&year=" + year + "&agency=" + agency + "&large=500.00";
        JsonNode summary = require(api.get("supervisor", "/api/statistics/summary?" + query), 200).body();
        BigDecimal paidA_ = amount(paidA);
        BigDecimal paidB_ = amount(paidB);
        BigDecimal total = paidA_.add(paidB_);
        // six members, each of a unit of their own, enrolled all year
        assertThat(summary.get("unitsEnrolled").asLong()).isEqualTo(6);
        assertThat(summary.get("membersEnrolled").asLong()).isEqualTo(6);
        int days = java.time.Year.of(year).length();
        assertThat(summary.get("memberYears").asText())
                .isEqualTo(BigDecimal.valueOf(6L * days).divide(BigDecimal.valueOf(365), 2, java.math.RoundingMode.HALF_UP).toPlainString());
        assertThat(summary.get("claimsSubmitted").asLong()).isEqualTo(6);
        assertThat(summary.get("claimsRejected").asLong()).isEqualTo(3);
        assertThat(summary.get("claimsRejectedAtPreCheck").asLong()).isEqualTo(1);
        assertThat(summary.get("claimsRejectedByAuditors").asLong()).isEqualTo(2);
        assertThat(summary.get("claimsOpen").asLong()).isEqualTo(1);
        assertThat(summary.get("claimsPaid").asLong()).isEqualTo(2);
        assertThat(summary.get("unitsWithPaidClaims").asLong()).isEqualTo(2);
        assertThat(summary.get("amountPaid").asText()).isEqualTo(total.toPlainString());
        assertThat(summary.get("largestPayout").asText()).isEqualTo(paidA_.max(paidB_).toPlainString());
        assertThat(summary.get("averagePayout").asText())
                .isEqualTo(total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP).toPlainString());
        assertThat(summary.get("paidWithinDeadline").asLong()).isEqualTo(2);
        assertThat(summary.get("paidWithinDeadlineShare").asText()).isEqualTo("100.0");
        assertThat(summary.get("contributionsReceived").asText()).isEqualTo("0.00");
        assertThat(summary.get("reviews").toString())
                .isEqualTo("{\"requested\":1,\"online\":0,\"upheld\":0,\"refused\":1,\"open\":0}");
        assertThat(summary.get("headline").asText()).isEqualTo("参与单位 6 家、会员 6 人；住院医疗补助 2 人次，支付 "
                + org.huzhu.platform.Money.grouped(total) + " 元");

        // the same figures counted directly over the base tables
        Map<String, Object> p = new HashMap<>(Map.of("agency", agency, "year", year));
        assertThat(summary.get("claimsSubmitted").asLong()).isEqualTo(count("""
                select count(*) from claim c join agency a on a.id = c.agency_id where a.code = :agency
                and c.scheme = 'INPATIENT' and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""", p));
        assertThat(summary.get("claimsRejected").asLong()).isEqualTo(count("""
                select count(*) from claim c join agency a on a.id = c.agency_id where a.code = :agency
                and c.status = 'REJECTED' and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""", p));
        assertThat(summary.get("claimsPaid").asLong()).isEqualTo(count("""
                select count(*) from payment p join claim c on c.id = p.claim_id join agency a on a.id = c.agency_id
                where a.code = :agency and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""", p));
        assertThat(summary.get("amountPaid").asText()).isEqualTo(jdbc.sql("""
                select coalesce(sum(p.amount), 0) from payment p join claim c on c.id = p.claim_id join agency a on a.id = c.agency_id
                where a.code = :agency and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""")
                .params(p).query(BigDecimal.class).single().toPlainString());
        assertThat(summary.get("membersEnrolled").asLong()).isEqualTo(count("""
                select count(distinct e.member_id) from enrolment e join member m on m.id = e.member_id
                join unit u on u.id = m.unit_id join agency a on a.id = u.agency_id
                where a.code = :agency and e.scheme = 'INPATIENT'
                and e.valid_from <= make_date(:year, 12, 31) and e.valid_to >= make_date(:year, 1, 1)""", p));
        assertThat(summary.get("reviews").get("requested").asLong()).isEqualTo(count("""
                select count(*) from claim_review r join claim c on c.id = r.claim_id join agency a on a.id = c.agency_id
                where a.code = :agency and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""", p));
        assertThat(summary.get("paidWithinDeadline").asLong()).isEqualTo(count("""
                select count(*) from claim_sla s join claim c on c.id = s.claim_id join agency a on a.id = c.agency_id
                where a.code = :agency and s.outcome = 'PAID' and s.paid_in_time""", p));
        // the whole scheme year too, against a count over every claim of the database
        JsonNode all = require(api.get("admin", "/api/statistics/summary?scheme=INPATIENT&year=" + year), 200).body();
        assertThat(all.get("claimsSubmitted").asLong()).isEqualTo(count("""
                select count(*) from claim c where c.scheme = 'INPATIENT'
                and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""", p));
        assertThat(all.get("amountPaid").asText()).isEqualTo(jdbc.sql("""
                select coalesce(sum(p.amount), 0)::numeric(14,2) from payment p join claim c on c.id = p.claim_id
                where c.scheme = 'INPATIENT' and extract(year from c.submitted_at at time zone 'Asia/Shanghai') = :year""")
                .params(p).query(BigDecimal.class).single().toPlainString());

        // rejections: the pre-check's by code, the auditors' by stage and category, whatever they wrote
        JsonNode reasons = require(api.get("supervisor", "/api/statistics/rejections?" + query), 200).body();
        assertThat(reasons.size()).isEqualTo(2);
        assertThat(List.of(reasons.get(0).get("code").asText() + " " + reasons.get(0).get("category").asText() + " "
                        + reasons.get(0).get("stage").asText() + " " + reasons.get(0).get("reason").asText() + " "
                        + reasons.get(0).get("claims").asLong() + " " + reasons.get(0).get("share").asText(),
                reasons.get(1).get("code").asText() + " " + reasons.get(1).get("category").isNull() + " "
                        + reasons.get(1).get("stageLabel").asText() + " " + reasons.get(1).get("reason").asText() + " "
                        + reasons.get(1).get("claims").asLong()))
                .containsExactly("AUDIT PAPERS_NOT_CONSISTENT AGENCY_CHECK 材料不真实或不一致 2 66.7",
                        "INVOICE_USED true 预审 发票已用于其他申请 1");
        assertThat(count("""
                select count(*) from claim c join agency a on a.id = c.agency_id where a.code = :agency
                and c.status = 'REJECTED' and c.rejection_category = 'PAPERS_NOT_CONSISTENT'""", p)).isEqualTo(2);
        JsonNode agencies = require(api.get("supervisor", "/api/statistics/agencies?" + query), 200).body();
        assertThat(agencies.size()).isEqualTo(1);
        assertThat(agencies.get(0).get("claimsPaid").asLong()).isEqualTo(2);
        assertThat(require(api.get("supervisor", "/api/statistics/units?" + query), 200).body().size()).isEqualTo(6);
        JsonNode months = require(api.get("supervisor", "/api/statistics/months?" + query), 200).body();
        assertThat(months.size()).isEqualTo(12);
        assertThat(months.get(EngineTime.today().getMonthValue() - 1).get("claimsSubmitted").asLong()).isEqualTo(6);
        JsonNode large = require(api.get("supervisor", "/api/statistics/large-payouts?" + query), 200).body();
        assertThat(large.size()).isEqualTo(2);
        JsonNode funders = require(api.get("supervisor", "/api/statistics/funders?" + query), 200).body();
        assertThat(funders.findValuesAsText("amount").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(total);

        // the workbook has the figures, one sheet per view, header frozen
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/statistics/xlsx?" + query, byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(8);
            Sheet sheet = book.getSheet("总体");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Map<String, Object> cells = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r).getCell(1);
                cells.put(sheet.getRow(r).getCell(0).getStringCellValue(),
                        cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? cell.getNumericCellValue()
                                : cell.getStringCellValue());
            }
            assertThat(cells.get("参保会员（人）")).isEqualTo(6.0);
            assertThat(cells.get("获补助（人次）")).isEqualTo(2.0);
            assertThat(cells.get("复核申请（件）")).isEqualTo(1.0);
            assertThat(cells.get("维持驳回（件）")).isEqualTo(1.0);
            assertThat(cells.get("支付补助金（元）")).isEqualTo(total.doubleValue());
            int amountRow = -1;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("支付补助金（元）")) {
                    amountRow = r;
                }
            }
            assertThat(sheet.getRow(amountRow).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(book.getSheet("按代办点").getRow(0).getCell(1).getStringCellValue()).isEqualTo("代办点");
        }
        // CSV: UTF-8 with a byte order mark
        ResponseEntity<byte[]> csv = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/statistics/csv?view=agencies&" + query, byte[].class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        byte[] bytes = csv.getBody();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("代办点代码,代办点", agency);

        // the page shows the same figures
        Document page = WorkbenchSession.signIn(port, "supervisor")
                .get("/statistics?scheme=INPATIENT&year=" + year + "&agency=" + agency + "&large=500.00").html();
        assertThat(page.select("#membersEnrolled").text()).isEqualTo("6 人");
        assertThat(page.select("#claimsPaid").text()).isEqualTo("2 人次");
        assertThat(page.select("#amountPaid").text()).isEqualTo(org.huzhu.platform.Money.grouped(total) + " 元");
        assertThat(page.select("#reviews").text()).isEqualTo("1 件（撤销驳回 0，维持驳回 1，审理中 0）");
        assertThat(page.select(".headline-text").text()).isEqualTo(summary.get("headline").asText());
        assertThat(page.select("#by-agency meter")).hasSize(1);
        assertThat(page.select("a.download")).hasSize(9);
        assertThat(page.select("[style]")).isEmpty();

        // the roll-ups the figures come from equal the base tables, for every claim of the database
        StatisticsTallies.assertMatchTheBaseTables(jdbc);
    }

    @Test
    void theRollUpsCountedAgainFromTheBaseTablesAreTheOnesKept() {
        String agency = TestAgencies.create(organisations, identities);
        long paid = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        require(api.decide(TestAgencies.auditor(agency), paid, "APPROVE", null), 200);
        require(api.decide("league", paid, "APPROVE", null), 200);
        claims.approveRoutedChecks(paid);
        claims.pay(paid);
        TransactionTemplate readOnce = new TransactionTemplate(transactions);
        readOnce.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readOnce.executeWithoutResult(tx -> {
            List<String> kept = tallies();
            assertThat(kept).anyMatch(row -> row.contains("," + agencyId(agency) + ","));
            jdbc.sql("select statistics_rebuild()").query().singleRow();
            assertThat(tallies()).isEqualTo(kept);
            tx.setRollbackOnly();
        });
    }

    @Test
    void membersCountOnceInAnyPeriodWhateverTheirEnrolmentsGapsAndOverlaps() {
        String agency = TestAgencies.create(organisations, identities);
        long a = memberId(api.registeredMember(agency, "EMPLOYEE", org.huzhu.support.TestIds.idNumber()));
        long b = memberId(api.registeredMember(agency, "EMPLOYEE", org.huzhu.support.TestIds.idNumber()));
        long c = memberId(api.registeredMember(agency, "RESIDENT", org.huzhu.support.TestIds.idNumber()));
        // one statement, as a list import writes them: A yearly, B overlapping then with a gap, C from July
        jdbc.sql("""
                insert into enrolment (member_id, scheme, valid_from, valid_to) values
                    (:a, 'INPATIENT', date '2023-01-01', date '2023-12-31'), (:a, 'INPATIENT', date '2024-01-01', date '2024-12-31'),
                    (:b, 'INPATIENT', date '2023-01-01', date '2023-03-31'), (:b, 'INPATIENT', date '2023-02-01', date '2023-05-31'),
                    (:b, 'INPATIENT', date '2023-10-01', date '2023-12-31'), (:c, 'INPATIENT', date '2024-07-01', date '2024-12-31')
                """).param("a", a).param("b", b).param("c", c).update();
        // C's earlier summer comes before the enrolment it had; B's autumn is taken back; A's 2024 ends in June
        jdbc.sql("insert into enrolment (member_id, scheme, valid_from, valid_to) values (:c, 'INPATIENT', date '2023-06-01', date '2023-08-31')")
                .param("c", c).update();
        jdbc.sql("delete from enrolment where member_id = :b and valid_from = date '2023-10-01'").param("b", b).update();
        jdbc.sql("update enrolment set valid_to = date '2024-06-30' where member_id = :a and valid_from = date '2024-01-01'")
                .param("a", a).update();

        // by hand: 2023 A 365 days, B 90 + 120, C 92; 2024 A 182, C 184
        assertThat(enrolled(agency, "2023-01", "2023-12")).isEqualTo("3 units, 3 members, 1.83 member-years");
        assertThat(enrolled(agency, "2024-01", "2024-12")).isEqualTo("2 units, 2 members, 1.00 member-years");
        assertThat(enrolled(agency, "2023-06", "2023-09")).isEqualTo("2 units, 2 members, 0.59 member-years");
        assertThat(enrolled(agency, "2023-10", "2024-06")).isEqualTo("1 units, 1 members, 0.75 member-years");
        assertThat(enrolled(agency, "2023-01", "2024-12")).isEqualTo("3 units, 3 members, 2.83 member-years");
        assertThat(enrolled(agency, "2025-01", "2025-12")).isEqualTo("0 units, 0 members, 0.00 member-years");
        // and every period of whole months in those two years against a distinct count over the enrolments
        for (java.time.YearMonth from = java.time.YearMonth.of(2023, 1); from.getYear() < 2025; from = from.plusMonths(1)) {
            for (java.time.YearMonth to = from; to.getYear() < 2025; to = to.plusMonths(1)) {
                Map<String, Object> p = Map.of("agency", agency, "first", from.atDay(1), "last", to.atEndOfMonth());
                assertThat(enrolled(agency, from.toString(), to.toString())).as(from + ".." + to).isEqualTo(jdbc.sql("""
                        select count(distinct m.unit_id) || ' units, ' || count(distinct e.member_id) || ' members, '
                               || round(coalesce(sum(least(e.valid_to, :last) - greatest(e.valid_from, :first) + 1), 0) / 365.0, 2)
                               || ' member-years'
                        from enrolment e join member m on m.id = e.member_id join unit u on u.id = m.unit_id
                        join agency a on a.id = u.agency_id
                        where a.code = :agency and e.scheme = 'INPATIENT' and e.valid_from <= :last and e.valid_to >= :first""")
                        .params(p).query(String.class).single());
            }
        }
        StatisticsTallies.assertMatchTheBaseTables(jdbc);
        // the roll-up counts a member under its unit, so the unit stays
        assertThatThrownBy(() -> jdbc.sql("update member set unit_id = (select unit_id from member where id = :b) where id = :a")
                .param("a", a).param("b", b).update()).hasMessageContaining("a member's unit and a unit's agency never change");
    }

    private String enrolled(String agency, String from, String to) {
        StatisticsRow row = statistics.byAgency(parameters.read("INPATIENT", null, from, to, null, agency, null)).get(0);
        return row.unitsEnrolled() + " units, " + row.membersEnrolled() + " members, " + row.memberYears().toPlainString()
                + " member-years";
    }

    private long memberId(String idNumber) {
        return jdbc.sql("select id from member where id_number = :id").param("id", idNumber).query(Long.class).single();
    }

    private String agencyId(String agency) {
        return jdbc.sql("select id from agency where code = :code").param("code", agency).query(String.class).single();
    }

    private List<String> tallies() {
        return jdbc.sql("""
                select 'claims' || t::text from statistics_claim_tally t where submitted > 0
                union all select 'days' || d::text from statistics_days_tally d where paid > 0
                union all select 'funders' || f::text from statistics_funder_tally f
                union all select 'enrolments' || e::text from statistics_enrolment_tally e where enrolments <> 0
                order by 1""").query(String.class).list();
    }

    @Test
    void badParametersAreAnsweredFieldByField() {
        Api.Answer answer = api.get("supervisor", "/api/statistics/summary?year=20x6&agency=NO-SUCH&large=-1");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldCodes(answer)).containsExactlyInAnyOrder("scheme:REQUIRED", "year:INVALID_YEAR",
                "agency:UNKNOWN_AGENCY", "large:INVALID_AMOUNT");
        assertThat(fieldCodes(api.get("supervisor", "/api/statistics/months?scheme=INPATIENT&from=2026-05&to=2026-01")))
                .containsExactly("to:BEFORE_FROM");
        assertThat(fieldCodes(api.get("supervisor", "/api/statistics/summary?scheme=INPATIENT&year=2026&from=2026-01")))
                .containsExactly("year:PERIOD_CONFLICT");
        assertThat(api.get("clerk", "/api/statistics/summary?scheme=INPATIENT").status()).isEqualTo(403);
        Document page = WorkbenchSession.signIn(port, "supervisor").get("/statistics?scheme=INPATIENT&from=2026-13").html();
        assertThat(page.select(".errors [data-code]").eachAttr("data-code")).contains("INVALID_FORMAT");
    }

    private BigDecimal amount(long claimId) {
        return jdbc.sql("select amount from payment where claim_id = :id").param("id", claimId).query(BigDecimal.class)
                .single();
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
