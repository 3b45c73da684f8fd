package org.huzhu.sla;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.platform.Beijing;
import org.huzhu.reporting.SupervisorReports;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.Jobs;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/** The supervisors' figures for one agency of the test's own, with the engine's clock moved. */
@HuzhuIntegrationTest
class SupervisorApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    SupervisorReports reports;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void realTime() {
        EngineTime.reset();
    }

    @Test
    void complianceByAgencyAndMonthCountsPaymentsInWorkingDays() throws IOException {
        String agency = TestAgencies.create(organisations, identities);
        EngineTime.set("2026-09-28T09:00:00+08:00");
        long oneDay = submit(agency);
        long threeDays = submit(agency);
        long late = submit(agency);
        long waiting = submit(agency);
        approve(agency, oneDay);
        EngineTime.set("2026-09-29T09:00:00+08:00");
        Jobs.runDue(management, processOf(oneDay));
        EngineTime.set("2026-10-08T09:00:00+08:00");
        approve(agency, threeDays);
        Jobs.runDue(management, processOf(threeDays));
        EngineTime.set("2026-10-19T09:00:00+08:00");
        approve(agency, late);
        Jobs.runDue(management, processOf(late));

        // paid after 1, 3 and 11 working days; the deadline (16 Oct) was missed once
        JsonNode byAgency = row(require(api.get("supervisor", "/api/sla/compliance/agencies?from=2026-09&to=2026-10"), 200)
                .body(), agency);
        assertThat(figures(byAgency)).isEqualTo("3 2 66.7 3 11");
        List<JsonNode> months = list(require(api.get("admin",
                "/api/sla/compliance/months?from=2026-08&to=2026-10&agency=" + agency), 200).body());
        assertThat(months.stream().map(m -> m.get("key").asText() + " " + figures(m)))
                .containsExactly("2026-08 0 0 null null null", "2026-09 1 1 100.0 1 1", "2026-10 2 1 50.0 3 11");
        assertThat(months.get(2).get("label").asText()).isEqualTo("2026年10月");

        JsonNode open = row(require(api.get("supervisor", "/api/sla/open-claims"), 200).body(), agency);
        assertThat(open.get("stage").asText()).isEqualTo("AGENCY_CHECK");
        assertThat(open.get("stageLabel").asText()).isEqualTo("代办点审核");
        assertThat(open.get("open").asLong() + " " + open.get("breached").asLong() + " " + open.get("overBudget").asLong())
                .isEqualTo("1 1 1");

        JsonNode overview = require(api.get("supervisor", "/api/sla/overview"), 200).body();
        assertThat(overview.get("open").get("breached").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(overview.get("calendarMissingYears").toString()).doesNotContain("2026");
        assertThat(overview.get("thisMonth").get("key").asText()).isEqualTo("2026-10");
        assertThat(list(require(api.get("supervisor", "/api/sla/claims?state=BREACHED&limit=500"), 200).body()).stream()
                .map(c -> c.get("claimId").asLong())).contains(waiting).doesNotContain(late);

        // the same lists as files: every overdue claim, the compliance of the months asked for
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/sla/xlsx?from=2026-09&to=2026-10", byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(java.util.stream.IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName))
                    .containsExactly("已超期", "临期", "在办申请", "按代办点按时支付", "按月按时支付");
            Sheet breached = book.getSheet("已超期");
            Row row = java.util.stream.IntStream.rangeClosed(1, breached.getLastRowNum()).mapToObj(breached::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals(Long.toString(waiting))).findFirst().orElseThrow();
            assertThat(row.getCell(2).getStringCellValue()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("代办点审核");
            assertThat(row.getCell(10).getNumericCellValue()).isPositive();
            assertThat(breached.getLastRowNum()).isEqualTo(list(require(api.get("supervisor",
                    "/api/sla/claims?state=BREACHED&limit=500"), 200).body()).size());
        }
        ResponseEntity<String> csv = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/sla/csv?view=compliance-agencies&from=2026-09&to=2026-10", String.class);
        assertThat(csv.getBody()).startsWith("\uFEFF代办点代码,代办点,已支付（件）").contains("\n" + agency + ",")
                .contains("," + 3 + "," + 2 + ",66.7,3,11\n");
        assertThat(fieldCodes(require(api.get("supervisor", "/api/sla/csv?view=everything"), 400)))
                .containsExactly("view:INVALID_VALUE");
        assertThat(api.get("league", "/api/sla/xlsx").status()).isEqualTo(403);

        // a gauge whose source was collected answers NaN: collect first
        System.gc();
        ResponseEntity<String> metrics = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("huzhu_sla_open_claims{state=\"breached\"}",
                "huzhu_sla_claims_paid_total{in_time=\"false\"}", "huzhu_sla_working_days_to_pay_count",
                "huzhu_sla_escalations_total{kind=\"BREACHED\"}", "huzhu_sla_open_claims_over_stage_budget");
        assertThat(metrics.getBody().lines().filter(line -> line.startsWith("huzhu_sla_open_claims")))
                .hasSize(4).noneMatch(line -> line.endsWith("NaN"));

        for (String now : List.of("2026-10-19T09:00:00+08:00", "2026-10-21T00:00:00+08:00", "2027-01-05T12:00:00+08:00")) {
            EngineTime.set(now);
            assertRollUpsMatchTheClocks(now);
        }
    }

    /**
     * The views read roll-ups that a trigger keeps as clocks move: they must give what an
     * aggregate over every clock of the database gives (all tests' claims, not only this one's),
     * and the roll-ups must equal a count from scratch (the migration's back-fill).
     */
    private void assertRollUpsMatchTheClocks(String at) {
        Timestamp now = Timestamp.from(EngineTime.date(at).toInstant());
        List<String> open = jdbc.sql("""
                        select a.code || ' ' || s.stage || ' ' || count(*) || ' '
                               || count(*) filter (where s.at_risk_at <= :now and s.due_at > :now) || ' '
                               || count(*) filter (where s.due_at <= :now) || ' '
                               || count(*) filter (where s.stage_due_at <= :now)
                        from claim_sla s join agency a on a.id = s.agency_id
                        where s.stopped_at is null group by a.code, s.stage order by 1
                        """).param("now", now).query(String.class).list();
        assertThat(reports.openByAgencyAndStage().stream().map(o -> o.agencyCode() + " " + o.stage() + " " + o.open()
                + " " + o.atRisk() + " " + o.breached() + " " + o.overBudget()).sorted().toList())
                .isEqualTo(open.stream().sorted().toList());
        OpenClaims totals = reports.openTotals();
        assertThat(totals.open() + " " + totals.atRisk() + " " + totals.breached() + " " + totals.overBudget())
                .isEqualTo(jdbc.sql("""
                        select count(*) || ' ' || count(*) filter (where at_risk_at <= :now and due_at > :now) || ' '
                               || count(*) filter (where due_at <= :now) || ' ' || count(*) filter (where stage_due_at <= :now)
                        from claim_sla where stopped_at is null
                        """).param("now", now).query(String.class).single());
        assertThat(reports.overview().calendarMissingYears()).containsExactlyElementsOf(jdbc.sql("""
                        select distinct y from (
                            select generate_series(extract(year from started_at at time zone 'Asia/Shanghai')::int,
                                                   extract(year from due_date)::int) as y
                            from claim_sla where stopped_at is null
                            union select extract(year from cast(:now as timestamptz) at time zone 'Asia/Shanghai')::int) years
                        where y not in (select year from working_day_calendar) order by y
                        """).param("now", now).query(Integer.class).list());

        YearMonth from = YearMonth.of(2025, 1);
        YearMonth to = YearMonth.of(2027, 12);
        String paid = """
                count(s.claim_id) || ' ' || count(s.claim_id) filter (where s.paid_in_time) || ' '
                || coalesce(percentile_disc(0.5) within group (order by s.working_days_to_pay)::text, 'null') || ' '
                || coalesce(percentile_disc(0.9) within group (order by s.working_days_to_pay)::text, 'null')
                """;
        assertThat(reports.complianceByAgency(from, to).stream().map(SupervisorApiTest::paidFigures).toList())
                .isEqualTo(jdbc.sql("select a.code || ' ' || " + paid + """
                         from agency a left join claim_sla s on s.agency_id = a.id and s.outcome = 'PAID'
                              and s.stopped_at >= :from and s.stopped_at < :to
                         group by a.code order by a.code
                        """).param("from", startOf(from)).param("to", startOf(to.plusMonths(1))).query(String.class).list());
        for (String agency : jdbc.sql("select code from agency order by code").query(String.class).list()) {
            assertThat(reports.complianceByMonth(from, to, agency).stream().filter(m -> m.paid() > 0)
                    .map(SupervisorApiTest::paidFigures).toList())
                    .isEqualTo(jdbc.sql("select to_char(s.stopped_at at time zone 'Asia/Shanghai', 'YYYY-MM') || ' ' || "
                                    + paid + """
                                     from claim_sla s join agency a on a.id = s.agency_id
                                     where s.outcome = 'PAID' and s.stopped_at >= :from and s.stopped_at < :to and a.code = :agency
                                     group by to_char(s.stopped_at at time zone 'Asia/Shanghai', 'YYYY-MM') order by 1
                                    """)
                            .param("from", startOf(from)).param("to", startOf(to.plusMonths(1))).param("agency", agency)
                            .query(String.class).list());
        }

        List<String> kept = tallies();
        jdbc.sql("select 1 from sla_tally_rebuild()").query(Integer.class).single();
        assertThat(tallies()).isEqualTo(kept);
    }

    private List<String> tallies() {
        return jdbc.sql("""
                select 'open ' || t::text from sla_open_tally t
                union all select 'paid ' || p::text from sla_paid_tally p order by 1
                """).query(String.class).list();
    }

    private static String paidFigures(Compliance c) {
        return c.key() + " " + c.paid() + " " + c.paidInTime() + " " + c.medianWorkingDays() + " " + c.p90WorkingDays();
    }

    private static Timestamp startOf(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(Beijing.ZONE).toInstant());
    }

    @Test
    void onlySupervisorsAndAdminsSeeTheFiguresAndBadQuestionsAreAnsweredFieldByField() {
        assertThat(api.get(null, "/api/sla/overview").status()).isEqualTo(401);
        Api.Answer clerk = api.get("clerk", "/api/sla/overview");
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.body().get("code").asText()).isEqualTo("NOT_SUPERVISOR");
        assertThat(api.get("league", "/api/sla/claims?state=AT_RISK").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/sla/open-claims").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("clerk", "/actuator/prometheus").status()).isEqualTo(403);

        assertThat(fieldCodes(require(api.get("supervisor", "/api/sla/claims?state=LATE&limit=0"), 400)))
                .containsExactly("state:INVALID_VALUE", "limit:OUT_OF_RANGE");
        assertThat(fieldCodes(require(api.get("supervisor", "/api/sla/compliance/agencies?from=2026-13"), 400)))
                .containsExactly("from:INVALID_FORMAT");
        assertThat(fieldCodes(require(api.get("supervisor", "/api/sla/compliance/months?from=2026-10&to=2026-01"), 400)))
                .containsExactly("to:BEFORE_FROM");
        assertThat(fieldCodes(require(api.get("supervisor", "/api/sla/compliance/months?from=2020-01&to=2026-01"), 400)))
                .containsExactly("to:RANGE_TOO_LONG");
    }

    private void approve(String agency, long claimId) {
        require(api.decide(TestAgencies.auditor(agency), claimId, "APPROVE", null), 200);
        require(api.decide("league", claimId, "APPROVE", null), 200);
    }

    private long submit(String agency) {
        return TestClaims.submit(api, agency, LocalDate.of(2026, 9, 1));
    }

    private String processOf(long claimId) {
        return TestClaims.processOf(jdbc, claimId);
    }

    private static String figures(JsonNode c) {
        return c.get("paid").asLong() + " " + c.get("paidInTime").asLong() + " " + c.get("inTimePercent").asText()
                + " " + c.get("medianWorkingDays").asText() + " " + c.get("p90WorkingDays").asText();
    }

    private static JsonNode row(JsonNode rows, String agency) {
        return list(rows).stream().filter(r -> agency.equals(r.has("key") ? r.get("key").asText() : r.get("agencyCode").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + agency + " in " + rows));
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

}
