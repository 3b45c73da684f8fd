package org.huzhu.claim.web;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/**
 * 申请查询: agency staff find their own agency's claims only, the league every agency's; the
 * filters narrow the list as the database counts it; a wrong filter is said at its field and
 * finds nothing; the file holds the whole list, masked, and the download is recorded.
 */
@HuzhuIntegrationTest
class ClaimListPagesTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;
    @LocalServerPort
    int port;

    Api api;
    String agency;
    long rejected;
    long open;
    long named;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        agency = TestAgencies.create(organisations, identities);
        rejected = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        require(api.decide(TestAgencies.auditor(agency), rejected, "REJECT", "NOT_ELIGIBLE", "非本单位职工"), 200);
        open = TestClaims.submit(api, agency, EngineTime.today().minusDays(12));
        // a member with a name of their own, to be found by its first characters
        String id = TestIds.idNumber();
        String unit = TestIds.code("U");
        require(api.post("admin", "/api/units", Map.of("code", unit, "name", "查询单位" + unit, "agencyCode", agency)), 201);
        require(api.post("admin", "/api/members", Map.of("idNumber", id, "name", "欧阳查询", "unitCode", unit,
                "insuranceType", "EMPLOYEE")), 201);
        api.enrol(id, "INPATIENT", "2019-10-16", "2030-10-15");
        named = require(api.post("admin", "/api/claims", ClaimRequests.claim(id, "900.00")), 201).body().get("id").asLong();
    }

    @Test
    void agencyStaffFindTheirOwnClaimsByFilterAndTheLeagueFindsEveryAgencys() {
        WorkbenchSession auditor = WorkbenchSession.signIn(port, TestAgencies.auditor(agency));
        Document all = auditor.get("/claims").html();
        assertThat(all.select("nav.menu a[href=/claims]").text()).isEqualTo("申请查询");
        assertThat(ids(all)).contains(rejected, open, named);
        assertThat(jdbc.sql("select count(distinct agency_code) from claim where id in (:ids)")
                .param("ids", ids(all)).query(Long.class).single()).isOne();
        assertThat(all.select("#agency option").eachAttr("value")).containsExactly("", agency);

        assertThat(ids(auditor.get("/claims?status=REJECTED").html())).containsExactly(rejected);
        assertThat(auditor.get("/claims?status=REJECTED").html().select("tr[data-claim-id] .tag").text()).isEqualTo("已驳回");
        assertThat(ids(auditor.get("/claims?who=" + URLEncoder.encode("欧阳", StandardCharsets.UTF_8)).html())).containsExactly(named);
        assertThat(ids(auditor.get("/claims?who=" + open).html())).containsExactly(open);
        String today = EngineTime.today().toString();
        assertThat(ids(auditor.get("/claims?from=" + today + "&to=" + today).html())).contains(rejected, open, named);
        assertThat(ids(auditor.get("/claims?to=" + EngineTime.today().minusDays(1)).html())).isEmpty();

        // another agency's claims: refused at the field, none shown
        WorkbenchSession.Page other = auditor.get("/claims?agency=DEMO-A");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.html().getElementById("error-agency").text()).isEqualTo("无权查看其他代办点的申请");
        assertThat(other.html().select("tr[data-claim-id]")).isEmpty();
        WorkbenchSession.Page wrong = auditor.get("/claims?from=2026-13-01&to=2026-01-01&status=LOST&who="
                + TestIds.idNumber());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.html().getElementById("error-from").text()).isEqualTo("日期格式应为 2026-01-31");
        assertThat(wrong.html().getElementById("error-status").text()).isEqualTo("没有这个状态：LOST");
        assertThat(wrong.html().getElementById("error-who").text()).contains("查找参保人");

        // the league reads every agency's: the same filter finds the DEMO-A claims too
        WorkbenchSession league = WorkbenchSession.signIn(port, "league");
        long demoA = TestClaims.submit(api, "DEMO-A", EngineTime.today().minusDays(15));
        assertThat(ids(league.get("/claims?who=" + demoA).html())).containsExactly(demoA);
        assertThat(ids(league.get("/claims?agency=" + agency + "&status=REJECTED").html())).containsExactly(rejected);
        assertThat(WorkbenchSession.signIn(port, "finance").get("/claims").status()).isEqualTo(403);
    }

    @Test
    void theWholeListDownloadsMaskedAndTheApiAnswersTheSameFilter() throws Exception {
        WorkbenchSession auditor = WorkbenchSession.signIn(port, TestAgencies.auditor(agency));
        Document page = auditor.get("/claims?agency=" + agency).html();
        assertThat(page.select("p.downloads a").eachAttr("href"))
                .containsExactly("/claims/export/xlsx?agency=" + agency, "/claims/export/csv?agency=" + agency);
        WorkbenchSession.Download csv = auditor.download("/claims/export/csv?agency=" + agency);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("\uFEFF申请编号,受理时间,参保人,身份证号（脱敏）,保障项目,代办点,状态,合规自付（元）,补助金额（元）\n")
                .containsPattern("\n" + rejected + ",\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d,测试会员,\\d{6}\\*{8}\\d{3}[0-9X],住院医疗互助,"
                        + agency + ",已驳回,");
        long inDatabase = jdbc.sql("select count(*) from claim where agency_code = :agency").param("agency", agency)
                .query(Long.class).single();
        assertThat(csv.text().lines().count() - 1).isEqualTo(inDatabase).isEqualTo(3);
        String idNumbers = String.join("|", jdbc.sql("""
                        select m.id_number from claim c join member m on m.id = c.member_id where c.agency_code = :agency""")
                .param("agency", agency).query(String.class).list());
        assertThat(csv.text()).doesNotContainPattern(idNumbers);
        WorkbenchSession.Download xlsx = auditor.download("/claims/export/xlsx?agency=" + agency + "&status=REJECTED");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheet("申请").getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheet("申请").getRow(1).getCell(0).getStringCellValue()).isEqualTo(Long.toString(rejected));
        }
        assertThat(jdbc.sql("""
                        select reason from audit_event where actor = :actor and action = 'LIST_EXPORTED'
                        and subject_id = 'claims' order by id""").param("actor", TestAgencies.auditor(agency))
                .query(String.class).list())
                .containsExactly("csv，3行，代办点 " + agency, "xlsx，1行，状态 REJECTED，代办点 " + agency);

        JsonNode listed = require(api.get(TestAgencies.auditor(agency), "/api/claims?status=AGENCY_CHECK"), 200).body();
        assertThat(listed.get("claims").findValuesAsText("claimId")).containsExactlyInAnyOrder(
                Long.toString(open), Long.toString(named));
        assertThat(listed.get("more").asBoolean()).isFalse();
        assertThat(listed.get("claims").get(0).get("memberIdNumberMasked").asText()).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        Api.Answer bad = api.get(TestAgencies.auditor(agency), "/api/claims?status=LOST&scheme=NONE&from=1.1.2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fieldCodes(bad)).containsExactlyInAnyOrder("status:INVALID_VALUE", "scheme:UNKNOWN_SCHEME",
                "from:INVALID_FORMAT");
        assertThat(api.get("finance", "/api/claims").status()).isEqualTo(403);
    }

    private static List<Long> ids(Document page) {
        return page.select("tr[data-claim-id]").eachAttr("data-claim-id").stream().map(Long::valueOf).toList();
    }
}
