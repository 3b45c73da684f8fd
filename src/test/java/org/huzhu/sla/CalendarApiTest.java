package org.huzhu.sla;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/** Due dates on the shipped official calendars, counted by hand from the State Council's notices. */
@HuzhuIntegrationTest
class CalendarApiTest {

    @Autowired
    TestRestTemplate rest;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void theSpringFestival2026CountsItsMakeUpSaturdaysAndSkipsTheHoliday() {
        // 13 Feb (Fri) and the make-up Saturday 14 Feb, then off 15-23 Feb, make-up Saturday 28 Feb
        assertThat(dueDate("2026-02-12", 10)).isEqualTo("2026-03-04");
        assertThat(dueDate("2026-02-13", 1)).isEqualTo("2026-02-14");
        assertThat(dueDate("2026-02-14", 1)).isEqualTo("2026-02-24");
        assertThat(dueDate("2026-02-27", 1)).isEqualTo("2026-02-28");
    }

    @Test
    void nationalDay2026WithMidAutumnAndItsMakeUpSundayAndSaturday() {
        // make-up Sunday 20 Sep; off 25-27 Sep and 1-7 Oct; make-up Saturday 10 Oct
        assertThat(dueDate("2026-09-18", 3)).isEqualTo("2026-09-22");
        assertThat(dueDate("2026-09-24", 1)).isEqualTo("2026-09-28");
        assertThat(dueDate("2026-09-30", 1)).isEqualTo("2026-10-08");
        assertThat(dueDate("2026-09-28", 10)).isEqualTo("2026-10-16");
        assertThat(dueDate("2026-10-09", 1)).isEqualTo("2026-10-10");
    }

    @Test
    void nationalDay2025() {
        assertThat(dueDate("2025-09-26", 1)).isEqualTo("2025-09-28");
        assertThat(dueDate("2025-09-30", 1)).isEqualTo("2025-10-09");
        assertThat(dueDate("2025-10-10", 1)).isEqualTo("2025-10-11");
    }

    @Test
    void theTurnOfTheYearIntoAPublishedYearUsesItsNewYearHolidayAndMakeUpSunday() {
        // 2026: off 1-3 Jan, make-up Sunday 4 Jan
        JsonNode answer = require(api.get("clerk", "/api/calendar/due-date?from=2025-12-26&workingDays=10"), 200).body();
        assertThat(answer.get("dueDate").asText()).isEqualTo("2026-01-12");
        assertThat(answer.get("calendarMissingYears")).isEmpty();
        assertThat(dueDate("2025-12-31", 1)).isEqualTo("2026-01-04");
    }

    @Test
    void aYearWithoutACalendarCountsMondayToFridayAndSaysSo() {
        JsonNode answer = require(api.get("clerk", "/api/calendar/due-date?from=2026-12-24&workingDays=10"), 200).body();
        // 1 Jan 2027 is a Friday and counts as a working day until 2027 is published
        assertThat(answer.get("dueDate").asText()).isEqualTo("2027-01-07");
        assertThat(answer.get("calendarMissingYears").toString()).isEqualTo("[2027]");
        assertThat(answer.get("note").asText()).contains("2027年工作日历尚未发布");

        JsonNode year = require(api.get("supervisor", "/api/calendar/2027"), 200).body();
        assertThat(year.get("published").asBoolean()).isFalse();
        assertThat(year.get("note").asText()).contains("周一至周五");
    }

    @Test
    void aYearListsItsOffDaysAndMakeUpDays() {
        JsonNode year = require(api.get("agency", "/api/calendar/2026"), 200).body();
        assertThat(year.get("published").asBoolean()).isTrue();
        assertThat(year.get("version").asInt()).isEqualTo(1);
        assertThat(year.get("notice").asText()).contains("2026年部分节假日安排");
        assertThat(year.get("offDays")).hasSize(33);
        assertThat(year.get("makeUpDays").findValuesAsText("date")).containsExactly("2026-01-04", "2026-02-14",
                "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(year.get("offDays").get(0).get("name").asText()).isEqualTo("元旦");
        assertThat(require(api.get("clerk", "/api/calendar/2025"), 200).body().get("offDays")).hasSize(28);
        assertThat(api.get(null, "/api/calendar/2026").status()).isEqualTo(401);
    }

    @Test
    void badQuestionsAreAnsweredFieldByField() {
        Api.Answer both = require(api.get("clerk", "/api/calendar/due-date?from=2026-02-30&workingDays=0"), 400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(fieldCodes(both)).containsExactly("from:INVALID_FORMAT", "workingDays:OUT_OF_RANGE");
        assertThat(fieldCodes(require(api.get("clerk", "/api/calendar/due-date?from=2026-02-01"), 400)))
                .containsExactly("workingDays:REQUIRED");
        assertThat(fieldCodes(require(api.get("clerk", "/api/calendar/due-date?from=1999-12-31&workingDays=x"), 400)))
                .containsExactly("from:OUT_OF_RANGE", "workingDays:INVALID_FORMAT");
        assertThat(fieldCodes(require(api.get("clerk", "/api/calendar/1800"), 400))).containsExactly("year:OUT_OF_RANGE");
    }

    @Test
    void onlyProcessAdminsPublishAndABadCalendarIsRefusedWholeAndNotStored() {
        Map<String, Object> calendar = Map.of("days", List.of(Map.of("date", "2032-01-01", "name", "元旦", "isOffDay", true)));
        assertThat(api.exchange("supervisor", HttpMethod.PUT, "/api/calendar/2032", calendar).status()).isEqualTo(403);
        assertThat(api.exchange("clerk", HttpMethod.PUT, "/api/calendar/2032", calendar).status()).isEqualTo(403);

        Map<String, Object> bad = Map.of("notice", "国办发明电", "days", List.of(
                Map.of("date", "2032-01-01", "name", "元旦", "isOffDay", true),
                Map.of("date", "2031-12-31", "name", "元旦", "isOffDay", true),
                Map.of("date", "2032-01-01", "name", "元旦", "isOffDay", true),
                Map.of("date", "2032-01-05", "name", "春节", "isOffDay", false),
                Map.of("date", "2032-02-07", "name", " ", "isOffDay", false)));
        Api.Answer refused = require(api.exchange("admin", HttpMethod.PUT, "/api/calendar/2032", bad), 400);
        assertThat(fieldCodes(refused)).containsExactly("days[1].date:NOT_IN_YEAR", "days[2].date:DUPLICATE_DATE",
                "days[3].isOffDay:MAKE_UP_DAY_NOT_WEEKEND", "days[4].name:REQUIRED");
        assertThat(refused.body().get("errors").get(2).get("message").asText()).contains("周六或周日");
        assertThat(require(api.get("admin", "/api/calendar/2032"), 200).body().get("published").asBoolean()).isFalse();
        assertThat(fieldCodes(require(api.exchange("admin", HttpMethod.PUT, "/api/calendar/2032",
                Map.of("days", List.of(Map.of("date", "2032-13-01", "name", "x", "isOffDay", true)))), 400)))
                .containsExactly("days[0].date:INVALID_FORMAT");
    }

    private String dueDate(String from, int workingDays) {
        return require(api.get("clerk", "/api/calendar/due-date?from=" + from + "&workingDays=" + workingDays), 200)
                .body().get("dueDate").asText();
    }
}
