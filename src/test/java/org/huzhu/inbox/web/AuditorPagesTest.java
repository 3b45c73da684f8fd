package org.huzhu.inbox.web;

import java.util.List;
import java.util.Map;

import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestAgencies;
import org.huzhu.support.TestClaims;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The auditors' pages over HTTP: the task list with its filters and pages, the decision panel on
 * the claim page (field errors, a double submit, a stale form), a supervisor's hand-over, and the
 * auditors' counts at home. Each test has an agency of its own, so its lists are its own.
 */
@HuzhuIntegrationTest
class AuditorPagesTest {

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
    void theTaskListIsTheApisListWithItsFiltersAndPagesAndLeadsToTheClaimPage() {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        long first = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        long second = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        WorkbenchSession auditor = WorkbenchSession.signIn(port, TestAgencies.auditor(agency));

        Page list = auditor.get("/tasks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.menu()).contains("待办任务");
        Element row = list.html().selectFirst("table.tasks tr[data-claim-id=" + first + "]");
        assertThat(row).isNotNull();
        assertThat(row.text()).contains("申请 " + first, "代办点审核", "测试会员", "住院医疗互助", agency, "1,500.00",
                "待认领", "剩余", "个工作日");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/claims/" + first);
        assertThat(list.html().select("table.tasks tbody tr")).hasSize(2);
        assertThat(list.html().select("#stage option").eachText()).contains("全部环节", "代办点审核", "协会审核", "协会复核");
        // each task once, the two reviews of a rejection told apart
        assertThat(list.html().select("#stage option").eachText()).doesNotHaveDuplicates()
                .contains("复核申请审理（协会负责人）", "复核申请审理（互助保障委员会）");

        // one a page, the next page behind a link; the league's step holds none of them
        Page one = auditor.get("/tasks?size=20&unassigned=true&stage=AgencyCheck&page=0");
        assertThat(one.html().select("table.tasks tbody tr")).hasSize(2);
        assertThat(auditor.get("/tasks?stage=LeagueAudit").text()).contains("没有符合条件的待办任务");
        Page paged = auditor.get("/tasks?size=1");
        assertThat(paged.html().select("table.tasks tbody tr").eachAttr("data-claim-id")).containsExactly(Long.toString(first));
        String next = paged.html().select("nav.pages a").stream().filter(a -> a.text().equals("下一页")).findFirst()
                .orElseThrow().attr("href");
        assertThat(next).isEqualTo("/tasks?page=1&size=1");
        assertThat(auditor.get(next).html().select("table.tasks tbody tr").eachAttr("data-claim-id"))
                .containsExactly(Long.toString(second));
        // a size no list has is said at its field, and a page typed by hand in Chinese
        Page wrongSize = auditor.get("/tasks?size=500");
        assertThat(wrongSize.status()).isEqualTo(200);
        assertThat(wrongSize.html().select(".field.invalid .error").text()).contains("每页条数应在1到100之间");
        Page typo = auditor.get("/tasks?page=x");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.text()).contains("地址中的 page 有误");
    }

    @Test
    void theWholeFilteredListDownloadsAsExcelAndCsvWithIdNumbersMaskedAndEachDownloadIsRecorded() throws Exception {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        long first = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        long second = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        String auditorId = TestAgencies.auditor(agency);
        WorkbenchSession auditor = WorkbenchSession.signIn(port, auditorId);
        String fullId = jdbc.sql("select m.id_number from claim c join member m on m.id = c.member_id where c.id = :id")
                .param("id", first).query(String.class).single();

        // the page has one row, the file both: it holds the list, not the page
        Page page = auditor.get("/tasks?size=1&stage=AgencyCheck");
        String xlsxLink = page.html().select("p.downloads a").stream().filter(a -> a.text().equals("Excel")).findFirst()
                .orElseThrow().attr("href");
        assertThat(xlsxLink).isEqualTo("/api/tasks/xlsx?stage=AgencyCheck");
        WorkbenchSession.Download xlsx = auditor.download(xlsxLink);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename*=UTF-8''%E5%BE%85%E5%8A%9E%E4%BB%BB%E5%8A%A1.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheet("待办任务");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("申请编号");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(Long.toString(first));
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("代办点审核");
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(fullId.substring(0, 6) + "********"
                    + fullId.substring(14));
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(1500.00);
            assertThat(row.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("待认领");
            assertThat(row.getCell(10).getLocalDateTimeCellValue()).isNotNull();
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(Long.toString(second));
        }
        WorkbenchSession.Download csv = auditor.download("/api/tasks/csv?stage=AgencyCheck");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.text()).startsWith("\uFEFF申请编号,环节,会员,身份证号（脱敏）").contains(first + ",代办点审核,测试会员")
                .doesNotContain(fullId);
        assertThat(csv.text().lines()).hasSize(3);
        assertThat(jdbc.sql("select reason from audit_event where actor = :actor and action = 'LIST_EXPORTED'"
                        + " and subject_id = 'tasks' order by id")
                .param("actor", auditorId).query(String.class).list())
                .containsExactly("xlsx，2行，环节 AgencyCheck", "csv，2行，环节 AgencyCheck");

        // a filter that finds nothing offers no file; a format that is none is not found
        assertThat(auditor.get("/tasks?stage=LeagueAudit").html().select("p.downloads")).isEmpty();
        assertThat(auditor.download("/api/tasks/pdf").status()).isIn(400, 404);
    }

    @Test
    void anAuditorTakesAndDecidesOnTheClaimPageAReasonIsNeededToRejectAndTwoSubmitsDecideOnce() {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        long claim = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        String task = taskOf(claim);
        WorkbenchSession auditor = WorkbenchSession.signIn(port, TestAgencies.auditor(agency));
        String page = "/claims/" + claim;
        String actions = page + "/tasks/" + task;

        Document open = auditor.get(page).html();
        assertThat(open.select("#tasks h3").text()).contains("代办点审核", "待认领");
        assertThat(open.select("#tasks form.decision")).isEmpty();
        assertThat(auditor.postWithoutToken(actions + "/claim", Map.of()).status()).isEqualTo(403);
        Page taken = auditor.post(actions + "/claim", Map.of());
        assertThat(taken.status()).isEqualTo(302);
        assertThat(taken.location()).endsWith(page);
        Document held = auditor.get(page).html();
        assertThat(held.select("p.notice").text()).contains("已认领此任务");
        assertThat(held.select("#tasks h3").text()).contains("由 审核员" + agency + " 办理");
        // the agency check approves or rejects; returning is the league's
        assertThat(held.select("#tasks form.decision input[name=outcome]").eachAttr("value"))
                .containsExactlyInAnyOrder("APPROVE", "REJECT");
        assertThat(assignee(task)).isEqualTo(TestAgencies.auditor(agency));

        assertThat(held.select("#tasks select[name=rejectionCategory] option").eachAttr("value"))
                .containsExactly("", "NOT_COVERED", "NOT_ELIGIBLE", "PAPERS_NOT_CONSISTENT", "ALREADY_COMPENSATED",
                        "TOO_LATE", "OTHER");
        Page refused = auditor.post(actions + "/decision", Map.of("outcome", "REJECT", "reason", "  "));
        assertThat(refused.location()).endsWith(page + "#task-" + task);
        assertThat(auditor.get(page).html().select("#tasks .field.invalid .error").eachText())
                .containsExactly("请选择驳回类别", "驳回或退回时请填写原因");
        auditor.post(actions + "/decision", Map.of("outcome", "REJECT", "rejectionCategory", "NOT_ELIGIBLE", "reason", ""));
        Document again = auditor.get(page).html();
        assertThat(again.select("#tasks .field.invalid .error").eachText()).containsExactly("驳回或退回时请填写原因");
        assertThat(again.select("#tasks input[value=REJECT]").hasAttr("checked")).isTrue();
        assertThat(again.select("#tasks select[name=rejectionCategory] option[selected]").val()).isEqualTo("NOT_ELIGIBLE");
        auditor.post(actions + "/decision", Map.of("outcome", "REJECT", "rejectionCategory", "NO_SUCH", "reason", "非本单位职工"));
        assertThat(auditor.get(page).html().select("#tasks .field.invalid .error").eachText())
                .containsExactly("没有这个驳回类别：NO_SUCH");
        assertThat(status(claim)).isEqualTo("AGENCY_CHECK");
        assertThat(decisions(claim)).isZero();

        assertThat(auditor.post(actions + "/decision", Map.of("outcome", "APPROVE", "reason", "")).location()).endsWith(page);
        Document decided = auditor.get(page).html();
        assertThat(decided.select("p.notice").text()).isEqualTo("审核结论已提交：通过。");
        assertThat(decided.select("#approvals tbody tr").eachText()).anyMatch(r -> r.startsWith("代办点审核 通过 审核员" + agency));
        // the same form sent again decides nothing more and reads as done
        assertThat(auditor.post(actions + "/decision", Map.of("outcome", "APPROVE", "reason", "")).location()).endsWith(page);
        assertThat(auditor.get(page).html().select("p.notice").text()).contains("已由您提交，未重复办理");
        assertThat(decisions(claim)).isOne();
        assertThat(status(claim)).isEqualTo("LEAGUE_AUDIT");
    }

    @Test
    void aFormThatWasOvertakenSaysSoAndChangesNothing() {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        long claim = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        require(api.decide(TestAgencies.auditor(agency), claim, "APPROVE", null), 200);
        String task = taskOf(claim);
        String page = "/claims/" + claim;
        WorkbenchSession league = WorkbenchSession.signIn(port, "league");
        WorkbenchSession other = WorkbenchSession.signIn(port, "league-b");
        // both see the league audit waiting to be taken
        assertThat(league.get(page).html().select("#tasks form button").eachText()).contains("认领任务");
        assertThat(other.get(page).html().select("#tasks form button").eachText()).contains("认领任务");

        league.post(page + "/tasks/" + task + "/claim", Map.of());
        other.post(page + "/tasks/" + task + "/claim", Map.of());
        Document overtaken = other.get(page).html();
        assertThat(overtaken.select("p.warning").text()).isEqualTo("此任务刚被他人认领或处理，页面已更新为最新情况。");
        assertThat(overtaken.select("#tasks h3").text()).contains("由 协会审核员（演示） 办理");
        assertThat(overtaken.select("#tasks form.decision")).isEmpty();
        assertThat(assignee(task)).isEqualTo("league");

        league.get(page);
        league.post(page + "/tasks/" + task + "/decision", Map.of("outcome", "RETURN", "reason", "发票金额与清单不符"));
        assertThat(status(claim)).isEqualTo("AGENCY_CHECK");
        // league-b's decision from the old page: the task is done, by someone else
        other.post(page + "/tasks/" + task + "/decision", Map.of("outcome", "APPROVE", "reason", ""));
        assertThat(other.get(page).html().select("p.warning").text())
                .isEqualTo("此任务已由 协会审核员（演示） 办结，页面已更新为最新情况。");
        assertThat(status(claim)).isEqualTo("AGENCY_CHECK");
        assertThat(jdbc.sql("select count(*) from claim_event where claim_id = :claim and step = 'LEAGUE_AUDIT'")
                .param("claim", claim).query(Long.class).single()).isOne();
    }

    @Test
    void aSupervisorHandsATaskToAnotherCandidateFromTheClaimPage() {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        String colleague = "colleague-" + agency.toLowerCase();
        identities.ensureUser(colleague, "代办点同事", agency, "demo",
                List.of(Role.AGENCY_AUDITOR.groupId(), Role.AGENCY_AUDITOR.atAgency(agency)));
        long claim = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        String task = taskOf(claim);
        require(api.post(TestAgencies.auditor(agency), "/api/tasks/" + task + "/claim", null), 204);
        String page = "/claims/" + claim;
        String handOver = page + "/tasks/" + task + "/assignee";

        // the auditor who holds it sees no hand-over; the supervisor does, to the colleague by name
        assertThat(WorkbenchSession.signIn(port, TestAgencies.auditor(agency)).get(page).html()
                .select("#tasks form.hand-over")).isEmpty();
        WorkbenchSession supervisor = WorkbenchSession.signIn(port, "supervisor");
        Document seen = supervisor.get(page).html();
        assertThat(seen.select("#tasks h3").text()).contains("由 审核员" + agency + " 办理");
        assertThat(seen.select("#tasks form.hand-over option").eachText()).containsExactly("请选择接手人", "代办点同事" + agency);
        assertThat(seen.select("#tasks form.decision")).isEmpty();
        assertThat(supervisor.postWithoutToken(handOver, Map.of("userId", colleague, "reason", "原审核员休假")).status())
                .isEqualTo(403);

        supervisor.post(handOver, Map.of("userId", "", "reason", "原审核员休假"));
        Document refused = supervisor.get(page).html();
        assertThat(refused.select("#tasks form.hand-over .field.invalid .error").eachText()).containsExactly("请指定接手人");
        assertThat(refused.select("#tasks form.hand-over input[name=reason]").attr("value")).isEqualTo("原审核员休假");
        assertThat(assignee(task)).isEqualTo(TestAgencies.auditor(agency));

        supervisor.post(handOver, Map.of("userId", colleague, "reason", "原审核员休假"));
        Document done = supervisor.get(page).html();
        assertThat(done.select("p.notice").text()).isEqualTo("已改派给 代办点同事" + agency + "。");
        assertThat(done.select("#tasks h3").text()).contains("由 代办点同事" + agency + " 办理");
        assertThat(done.select("#trail tbody tr").eachText()).anyMatch(r -> r.contains("督办（演示） 改派任务"));
        assertThat(assignee(task)).isEqualTo(colleague);
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = :task and action = 'TASK_REASSIGNED'")
                .param("task", task).query(Long.class).single()).isOne();
        // an auditor may not hand over
        WorkbenchSession holder = WorkbenchSession.signIn(port, colleague);
        holder.get(page);
        Page notTheirs = holder.post(handOver, Map.of("userId", TestAgencies.auditor(agency), "reason", "还给原审核员"));
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.text()).contains("只有督办人员可以改派任务");
        assertThat(assignee(task)).isEqualTo(colleague);
    }

    @Test
    void anAuditorsHomeCountsWhatWaitsForThemAndWhatTheyHold() {
        Api api = new Api(rest);
        String agency = TestAgencies.create(organisations, identities);
        long claim = TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        TestClaims.submit(api, agency, EngineTime.today().minusDays(20));
        require(api.post(TestAgencies.auditor(agency), "/api/tasks/" + taskOf(claim) + "/claim", null), 204);
        Page home = WorkbenchSession.signIn(port, TestAgencies.auditor(agency)).get("/");
        assertThat(home.html().select("a.figure").eachText()).containsExactly("2 待我审核", "1 已认领", "0 临期或超期");
        assertThat(home.html().select("ul.shortcuts a").eachText()).contains("待办任务");
        assertThat(WorkbenchSession.signIn(port, "clerk").get("/").html().select("a.figure").eachText())
                .noneMatch(figure -> figure.contains("待我审核"));
    }

    private String taskOf(long claim) {
        return jdbc.sql("select task_id from work_item where claim_id = :claim").param("claim", claim)
                .query(String.class).single();
    }

    private String assignee(String task) {
        return jdbc.sql("select assignee from work_item where task_id = :task").param("task", task)
                .query(String.class).single();
    }

    private String status(long claim) {
        return jdbc.sql("select status from claim where id = :claim").param("claim", claim).query(String.class).single();
    }

    private long decisions(long claim) {
        return jdbc.sql("select count(*) from claim_event where claim_id = :claim and step = 'AGENCY_CHECK'")
                .param("claim", claim).query(Long.class).single();
    }
}
