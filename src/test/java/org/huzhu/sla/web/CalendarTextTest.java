package org.huzhu.sla.web;

import java.time.LocalDate;
import java.util.List;

import org.huzhu.platform.FieldProblem;
import org.huzhu.sla.CalendarDay;
import org.huzhu.sla.CalendarSubmission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The days typed from the State Council's notice, read line by line and written back for a correction. */
class CalendarTextTest {

    @Test
    void linesAreDaysRunsAndMakeUpDaysAndProblemsKeepTheirLine() {
        CalendarText.Read read = CalendarText.read("""
                # 国办发明电
                2027-01-01 元旦

                2027-02-06 至 2027-02-08 春节
                2027-2-14　班　春节调休
                2027-02-30 春节
                2027-03-02~2027-03-01 错
                元旦 2027-01-01
                2027-10-01
                2027-01-01 至 2027-02-01 太长
                2027-01-01 至 2027-01-31 最长
                """);
        assertThat(read.days().subList(0, 6)).containsExactly(
                new CalendarSubmission.Day(LocalDate.parse("2027-01-01"), "元旦", true),
                new CalendarSubmission.Day(LocalDate.parse("2027-02-06"), "春节", true),
                new CalendarSubmission.Day(LocalDate.parse("2027-02-07"), "春节", true),
                new CalendarSubmission.Day(LocalDate.parse("2027-02-08"), "春节", true),
                new CalendarSubmission.Day(LocalDate.parse("2027-02-14"), "春节调休", false),
                new CalendarSubmission.Day(LocalDate.parse("2027-10-01"), null, true));
        assertThat(read.days()).hasSize(6 + 31);
        assertThat(read.lines().subList(0, 6)).containsExactly(2, 4, 4, 4, 5, 9);
        assertThat(read.lines().subList(6, 37)).containsOnly(11);
        assertThat(read.with(List.of(new FieldProblem("days[5].name", "REQUIRED", "请填写节日名称"),
                new FieldProblem("notice", "TOO_LONG", "最多500个字"))).messages()).containsExactly(
                "第6行：“2027-02-30”不是日期，日期应写作 2027-01-01",
                "第7行：结束日期2027-03-01早于开始日期2027-03-02",
                "第8行：“元旦”不是日期，日期应写作 2027-01-01",
                "第9行：请填写节日名称",
                "第10行：一行最多写31天，请检查结束日期2027-02-01");
    }

    @Test
    void aCorrectionStartsFromTheDaysInForceWithRunsOnOneLine() {
        String text = CalendarText.write(List.of(
                new CalendarDay(LocalDate.parse("2026-02-16"), "春节", true),
                new CalendarDay(LocalDate.parse("2026-02-15"), "春节", true),
                new CalendarDay(LocalDate.parse("2026-02-14"), "春节", false),
                new CalendarDay(LocalDate.parse("2026-01-01"), "元旦", true),
                new CalendarDay(LocalDate.parse("2026-02-18"), "春节", true)));
        assertThat(text).isEqualTo("""
                2026-01-01 元旦
                2026-02-14 班 春节
                2026-02-15 至 2026-02-16 春节
                2026-02-18 春节
                """);
        assertThat(CalendarText.read(text).days()).hasSize(5);
    }
}
