package org.huzhu.sla.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestSeed;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process admins' calendar pages over HTTP: the years and the missing next year, a year's
 * month grids, publishing from typed lines with every problem at its line, preview first, once,
 * corrections with their history, roles and CSRF.
 */
@HuzhuIntegrationTest
class CalendarPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    JdbcClient jdbc;

    WorkbenchSession padmin;

    @BeforeEach
    void signIn() {
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        padmin = WorkbenchSession.signIn(port, "padmin");
    }

    @Test
    void theOverviewListsThePublishedYearsAndOffersTheMissingNextYear() {
        int next = EngineTime.today().getYear() + 1;
        Page overview = padmin.get("/calendar");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.menu()).contains("保障项目与规则", "流程修订", "工作日历");
        Document html = overview.html();
        assertThat(html.select("nav.menu a.active").text()).isEqualTo("工作日历");
        assertThat(html.select("table.calendars tr[data-year=2026]").text())
                .contains("2026年", "已发布", "第1版", "33天", "6天", "系统", "国务院办公厅关于2026年部分节假日安排的通知");
        assertThat(html.select("table.calendars tr[data-year=" + next + "]").text())
                .contains("未发布", "暂按周一至周五计算工作日");
        assertThat(html.select(".warning").text()).contains(next + "年工作日历尚未发布，暂按周一至周五计算工作日");
        assertThat(html.select("a.publish-next").text()).isEqualTo("发布" + next + "年日历");
        assertThat(html.select("a.publish-next").attr("href")).isEqualTo("/calendar/" + next + "/publication");
    }

    @Test
    void aYearIsTwelveMonthsFromMondayWithHolidaysMakeUpDaysAndToday() {
        Page year = padmin.get("/calendar/2026");
        assertThat(year.status()).isEqualTo(200);
        Document html = year.html();
        assertThat(html.select("section.month")).hasSize(12);
        assertThat(html.select("section.month").first().select("thead th").eachText())
                .containsExactly("一", "二", "三", "四", "五", "六", "日");
        // 1 Jan 2026 is a Thursday: three blanks before it
        assertThat(html.select("section.month").first().select("tbody tr").first().select("td.blank")).hasSize(3);
        assertThat(html.select("td[data-date=2026-01-01]").attr("class")).isEqualTo("holiday");
        assertThat(html.select("td[data-date=2026-01-01]").attr("title")).isEqualTo("2026-01-01 元旦（放假）");
        assertThat(html.select("td[data-date=2026-01-01] .mark").text()).isEqualTo("休");
        assertThat(html.select("td[data-date=2026-01-04]").attr("class")).isEqualTo("make-up-day");
        assertThat(html.select("td[data-date=2026-01-04] .mark").text()).isEqualTo("班");
        assertThat(html.select("td[data-date=2026-01-10]").attr("class")).isEqualTo("weekend");
        assertThat(html.select("td[data-date=2026-01-05]").attr("class")).isEqualTo("working-day");
        assertThat(html.select("td.holiday")).hasSize(33);
        assertThat(html.select("td.make-up-day")).hasSize(6);
        assertThat(html.select("td.today").attr("data-date")).isEqualTo(EngineTime.today().toString());
        assertThat(html.select("td.today").attr("aria-current")).isEqualTo("date");
        assertThat(html.select("p.calendar-legend").text()).contains("休 放假", "班 调休上班", "今天");
        assertThat(html.select("dl.facts").text()).contains("第1版", "33天 / 6天", "系统");
        assertThat(html.select("a:contains(更正并重新发布)").attr("href")).isEqualTo("/calendar/2026/publication");
        assertThat(html.select("table.calendar-versions")).isEmpty();
        assertThat(html.select("ul.calendar-lines li").eachText()).contains("2026-01-01 至 2026-01-03 元旦", "2026-01-04 班 元旦");

        Page correction = padmin.get("/calendar/2026/publication");
        assertThat(correction.html().select("h1").text()).isEqualTo("更正2026年日历");
        assertThat(correction.html().select("#days").first().wholeText()).contains("2026-01-01 至 2026-01-03 元旦", "2026-01-04 班 元旦",
                "2026-02-15 至 2026-02-23 春节");
        assertThat(correction.html().select("input[name=basedOn]").val()).isEqualTo("1");
        assertThat(correction.html().select("#notice").val()).contains("2026年部分节假日安排");
    }

    @Test
    void badLinesAreToldAtTheirLineWithTheTextKeptAndNothingIsStored() {
        int year = 2071 + TestSeed.pick("calendar-pages-refused", 4);
        LocalDate monday = LocalDate.of(year, 1, 8).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        Page empty = padmin.get("/calendar/" + year + "/publication");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.html().select("h1").text()).isEqualTo("发布" + year + "年日历");
        assertThat(empty.html().select("#days").first().wholeText()).isBlank();
        assertThat(empty.html().select("button[value=publish]")).isEmpty();

        String typed = year + "-01-01 元旦\n"
                + (year - 1) + "-12-31 元旦\n"
                + year + "-01-01 元旦\n"
                + monday + " 班 春节\n"
                + year + "-02-30 春节\n"
                + year + "-05-01\n";
        Page refused = padmin.post("/calendar/" + year + "/publication", Map.of("notice", "国办发明电（测试）",
                "days", typed, "basedOn", "0", "action", "preview"));
        assertThat(refused.status()).isEqualTo(400);
        Document html = refused.html();
        assertThat(html.select(".field.invalid:has(#days) > span.error").text()).isEqualTo("有5行需要改正，日历未发布");
        assertThat(html.select("ul.line-problems li").eachText()).containsExactly(
                "第2行：日期" + (year - 1) + "-12-31不在" + year + "年内",
                "第3行：日期" + year + "-01-01重复",
                "第4行：调休上班日应为周六或周日：" + monday,
                "第5行：“" + year + "-02-30”不是日期，日期应写作 2027-01-01",
                "第6行：请填写节日名称");
        assertThat(html.select("#days").first().wholeText().strip()).isEqualTo(typed.strip());
        assertThat(html.select("#notice").val()).isEqualTo("国办发明电（测试）");
        assertThat(html.select("section.calendar-preview")).isEmpty();
        // sent as 确认发布 with the same mistakes: refused just the same
        assertThat(padmin.post("/calendar/" + year + "/publication", Map.of("days", typed, "basedOn", "0",
                "action", "publish", "previewed", "x")).status()).isEqualTo(400);

        Page nothing = padmin.post("/calendar/" + year + "/publication", Map.of("notice", "x".repeat(501), "days", " \n# 空\n",
                "action", "preview"));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.html().select(".field.invalid:has(#days) > span.error").text()).isEqualTo("请填写当年的放假日和调休上班日");
        assertThat(nothing.html().select(".field.invalid:has(#notice) .error").text()).isEqualTo("最多500个字");
        assertThat(versions(year)).isZero();
    }

    @Test
    void aYearIsPreviewedPublishedOnceCorrectedAndAStaleFormSaysByWhom() {
        int year = 2075 + TestSeed.pick("calendar-pages-published", 5);
        LocalDate saturday = LocalDate.of(year, 2, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
        String typed = year + "-01-01 元旦\n" + year + "-02-10 至 " + year + "-02-16 春节\n" + saturday + " 班 春节\n";
        String path = "/calendar/" + year + "/publication";
        padmin.get(path);

        Page preview = padmin.post(path, Map.of("notice", "国办发明电（测试）", "days", typed, "basedOn", "0", "action", "preview"));
        assertThat(preview.status()).isEqualTo(200);
        Document html = preview.html();
        assertThat(html.select("section.calendar-preview h2").text()).isEqualTo("预览：" + year + "年放假8天（含周末），调休上班1天");
        assertThat(html.select("section.calendar-preview td.holiday")).hasSize(8);
        assertThat(html.select("td[data-date=" + saturday + "]").attr("title")).isEqualTo(saturday + " 春节（调休上班）");
        assertThat(html.select("button[value=publish]").text()).isEqualTo("确认发布" + year + "年日历");
        String previewed = html.select("input[name=previewed]").val();
        assertThat(previewed).isNotBlank();
        assertThat(versions(year)).isZero();

        // changed after the preview: previewed again, not published
        Page changed = padmin.post(path, Map.of("notice", "国办发明电（测试）", "days", typed + year + "-05-01 劳动节\n",
                "basedOn", "0", "previewed", previewed, "action", "publish"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.html().select(".warning").text()).contains("预览之后内容有改动");
        assertThat(changed.html().select("section.calendar-preview td.holiday")).hasSize(9);
        assertThat(versions(year)).isZero();

        Map<String, String> publish = Map.of("notice", "国办发明电（测试）", "days", typed, "basedOn", "0", "previewed", previewed,
                "action", "publish");
        Page published = padmin.post(path, publish);
        assertThat(published.status()).isEqualTo(302);
        assertThat(published.location()).endsWith("/calendar/" + year);
        Page shown = padmin.get("/calendar/" + year);
        assertThat(shown.html().select(".notice").text())
                .isEqualTo("已发布" + year + "年日历第1版；0件在办申请的付款期限已按新日历重算。");
        assertThat(shown.html().select("dl.facts").text()).contains("第1版", "8天 / 1天", "流程管理员", "国办发明电（测试）");
        assertThat(jdbc.sql("select published_by || ' ' || version || ' ' || notice from working_day_calendar where year = :y")
                .param("y", year).query(String.class).list()).containsExactly("padmin 1 国办发明电（测试）");
        assertThat(jdbc.sql("select count(*) from working_day_calendar_day d join working_day_calendar c on c.id = d.calendar_id "
                + "where c.year = :y and not d.off_day").param("y", year).query(Integer.class).single()).isEqualTo(1);

        // the same form sent again (a second click): published once
        Page again = padmin.post(path, publish);
        assertThat(again.status()).isEqualTo(302);
        assertThat(versions(year)).isEqualTo(1);
        assertThat(padmin.get("/calendar/" + year).html().select(".notice").text()).isEqualTo("已发布" + year + "年日历第1版。");
        assertThat(padmin.get("/calendar").html().select("table.calendars tr[data-year=" + year + "]").text())
                .contains("已发布", "第1版", "8天", "1天", "流程管理员");

        // a correction from the year's page: one day more
        Page correction = padmin.get(path);
        String corrected = correction.html().select("#days").first().wholeText() + "\n" + year + "-02-17 春节";
        Page previewedCorrection = padmin.post(path, Map.of("notice", "国办发明电（更正）", "days", corrected, "basedOn", "1",
                "action", "preview"));
        Page second = padmin.post(path, Map.of("notice", "国办发明电（更正）", "days", corrected, "basedOn", "1",
                "previewed", previewedCorrection.html().select("input[name=previewed]").val(), "action", "publish"));
        assertThat(second.status()).isEqualTo(302);
        Page history = padmin.get("/calendar/" + year);
        assertThat(history.html().select(".notice").text()).startsWith("已发布" + year + "年日历第2版");
        assertThat(history.html().select("table.calendar-versions tbody tr").eachText()).hasSize(2);
        assertThat(history.html().select("table.calendar-versions tbody tr").first().text())
                .contains("第2版", "现行", "流程管理员", "国办发明电（更正）", "新增" + year + "-02-17放假");
        assertThat(history.html().select("table.calendar-versions tbody tr").last().text()).contains("第1版", "首次发布");

        // the first form once more, now behind: it says who published what, and publishes nothing
        Page stale = padmin.post(path, Map.of("notice", "国办发明电（测试）", "days", typed, "basedOn", "1",
                "previewed", previewed, "action", "publish"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html().select(".warning").text()).contains(year + "年日历已由流程管理员发布为第2版，本次未发布");
        assertThat(stale.html().select("input[name=basedOn]").val()).isEqualTo("2");
        assertThat(stale.html().select("#days").first().wholeText().strip()).isEqualTo(typed.strip());
        assertThat(versions(year)).isEqualTo(2);

        assertThat(padmin.postWithoutToken(path, publish).status()).isEqualTo(403);
        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        assertThat(clerk.get("/").menu()).doesNotContain("工作日历");
        assertThat(clerk.get("/calendar").status()).isEqualTo(403);
        assertThat(clerk.get("/calendar/" + year).status()).isEqualTo(403);
        assertThat(clerk.get(path).status()).isEqualTo(403);
        assertThat(clerk.post(path, Map.of("days", typed, "basedOn", "2", "previewed", previewed, "action", "publish"))
                .status()).isEqualTo(403);
        assertThat(versions(year)).isEqualTo(2);
    }

    private int versions(int year) {
        return jdbc.sql("select count(*) from working_day_calendar where year = :y").param("y", year).query(Integer.class).single();
    }
}
