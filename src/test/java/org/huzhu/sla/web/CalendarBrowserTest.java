package org.huzhu.sla.web;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.BrowserScript.line;

/**
 * A process admin publishes next year's calendar in the browser, typing the notice's days. The
 * clock is moved to a December whose next year nobody has published, so the shipped years and
 * the other tests' stay as they are.
 */
@HuzhuIntegrationTest
class CalendarBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clockBack() {
        EngineTime.reset();
    }

    @Test
    void aProcessAdminTypesNextYearsDaysPreviewsAndPublishes() throws Exception {
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        int year = 2061 + TestSeed.pick("calendar-browser-year", 9);
        String now = (year - 1) + "-12-01T09:00:00+08:00";
        EngineTime.set(now);
        LocalDate weekday = LocalDate.of(year, 2, 17).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        LocalDate saturday = LocalDate.of(year, 2, 17).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        String days = year + "-01-01 元旦\n" + year + "-02-10 至 " + year + "-02-16 春节\n" + saturday + " 班 春节调休\n"
                + year + "-10-01 至 " + year + "-10-07 国庆节";
        String wrong = days.replace(saturday + " 班", weekday + " 班");

        String output = BrowserScript.run("workbench-calendar.cjs", Map.ofEntries(
                Map.entry("BASE_URL", "http://localhost:" + port), Map.entry("NOW", Long.toString(EngineTime.date(now).getTime())),
                Map.entry("YEAR", Integer.toString(year)), Map.entry("NOTICE", "国务院办公厅关于" + year + "年部分节假日安排的通知"),
                Map.entry("DAYS", days), Map.entry("DAYS_WRONG", wrong),
                Map.entry("OVERVIEW_SCREENSHOT", screenshot("overview")), Map.entry("REFUSED_SCREENSHOT", screenshot("refused")),
                Map.entry("PREVIEW_SCREENSHOT", screenshot("preview")), Map.entry("PUBLISHED_SCREENSHOT", screenshot("published")),
                Map.entry("THIS_YEAR_SCREENSHOT", screenshot("this-year"))));
        assertThat(output).contains("done");
        assertThat(shown(output, "menu: ")).contains("工作日历");
        assertThat(shown(output, "missing: ")).contains((year - 1) + "、" + year + "年工作日历尚未发布，暂按周一至周五计算工作日");
        assertThat(shown(output, "next row: ")).contains(year + "年", "未发布");
        assertThat(shown(output, "form: ")).isEqualTo("发布" + year + "年日历");
        assertThat(shown(output, "refused status: ")).isEqualTo("400");
        assertThat(shown(output, "line problems: ")).isEqualTo("第3行：调休上班日应为周六或周日：" + weekday);
        assertThat(shown(output, "kept: ")).isEqualTo("4 lines, notice 国务院办公厅关于" + year + "年部分节假日安排的通知");
        assertThat(shown(output, "preview: ")).isEqualTo("预览：" + year + "年放假15天（含周末），调休上班1天");
        assertThat(shown(output, "preview holidays: ")).isEqualTo("15");
        assertThat(shown(output, "preview make-up: ")).isEqualTo(saturday + " 春节调休（调休上班）");
        assertThat(shown(output, "published: ")).isEqualTo("已发布" + year + "年日历第1版；0件在办申请的付款期限已按新日历重算。");
        assertThat(shown(output, "facts: ")).contains("第1版", "15天 / 1天", "流程管理员", year + "年部分节假日安排");
        assertThat(shown(output, "grid holidays: ")).isEqualTo("15");
        assertThat(shown(output, "new year: ")).isEqualTo(year + "-01-01 元旦（放假）");
        assertThat(shown(output, "listed: ")).contains(year + "年", "已发布", "第1版", "15天", "1天", "流程管理员");
        assertThat(shown(output, "this year: ")).isEqualTo((year - 1) + "年工作日历尚未发布，暂按周一至周五计算工作日");
        // the year before is unpublished: Monday to Friday are its working days
        DayOfWeek today = LocalDate.of(year - 1, 12, 1).getDayOfWeek();
        boolean weekend = today == DayOfWeek.SATURDAY || today == DayOfWeek.SUNDAY;
        assertThat(shown(output, "today: ")).isEqualTo((year - 1) + "-12-01（" + (weekend ? "周末" : "工作日") + "，今天）");

        assertThat(jdbc.sql("select published_by || ' ' || version || ' ' || notice from working_day_calendar where year = :y")
                .param("y", year).query(String.class).list())
                .containsExactly("padmin 1 国务院办公厅关于" + year + "年部分节假日安排的通知");
        assertThat(jdbc.sql("select d.day || ' ' || d.off_day || ' ' || d.name from working_day_calendar_day d "
                        + "join working_day_calendar c on c.id = d.calendar_id where c.year = :y and d.day < :march order by d.day")
                .param("y", year).param("march", LocalDate.of(year, 3, 1)).query(String.class).list())
                .startsWith(year + "-01-01 true 元旦", year + "-02-10 true 春节").contains(saturday + " false 春节调休")
                .hasSize(9);
    }

    /** What the script printed after the prefix. */
    private static String shown(String output, String prefix) {
        return line(output, prefix).substring(prefix.length());
    }

    private static String screenshot(String name) {
        return Path.of("target/workbench-calendar-" + name + ".png").toAbsolutePath().toString();
    }
}
