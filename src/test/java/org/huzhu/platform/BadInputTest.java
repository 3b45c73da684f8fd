package org.huzhu.platform;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.fieldMessages;
import static org.huzhu.support.Api.require;

/**
 * What nobody should send is refused at its field with a 400 problem and changes nothing;
 * what no handler answers is still a problem in Chinese.
 */
@HuzhuIntegrationTest
class BadInputTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void invisibleCharactersInTextFieldsAreRefusedAtTheirField() {
        Api api = new Api(rest);
        String member = api.enrolledMember();
        long claimsBefore = count("claim");
        for (String hospital : List.of("安阳\u0000市人民医院", "安阳\u202e院医民人", "安阳\u200b市人民医院", "\ufeff安阳市人民医院",
                "安阳\u0007市人民医院")) {
            Map<String, Object> claim = ClaimRequests.claim(member, "900.00");
            claim.put("hospital", hospital);
            Api.Answer answer = require(api.post("clerk", "/api/claims", claim), 400);
            assertThat(fieldCodes(answer)).containsExactly("hospital:INVISIBLE_CHARACTERS");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        Map<String, Object> claim = ClaimRequests.claim(member, "900.00");
        claim.put("bankAccount", Map.of("bankName", "中国工商银行", "accountNumber", "6222021234567890128",
                "accountName", "测试\u0000会员"));
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", claim), 400)))
                .containsExactly("bankAccount.accountName:INVISIBLE_CHARACTERS");
        assertThat(count("claim")).isEqualTo(claimsBefore);

        long membersBefore = count("member");
        Api.Answer member202e = require(api.post("clerk", "/api/members", Map.of("idNumber", TestIds.idNumber(),
                "name", "张\u202e三", "unitCode", "DEMO-U1", "insuranceType", "EMPLOYEE")), 400);
        assertThat(fieldCodes(member202e)).containsExactly("name:INVISIBLE_CHARACTERS");
        assertThat(count("member")).isEqualTo(membersBefore);
    }

    @Test
    void namesThatASpreadsheetWouldTakeForAFormulaAndEndlessInvoicesAreRefused() {
        Api api = new Api(rest);
        long claimsBefore = count("claim");
        for (String name : List.of("=HYPERLINK(\"http://evil.example\")", "+86 1234", "-1", "@SUM(A1)")) {
            Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "900.00");
            claim.put("bankAccount", Map.of("bankName", "中国工商银行", "accountNumber", "6222021234567890128",
                    "accountName", name));
            assertThat(fieldCodes(require(api.post("clerk", "/api/claims", claim), 400)))
                    .containsExactly("bankAccount.accountName:FORMULA_LIKE");
        }
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "900.00");
        List<Map<String, String>> invoices = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            invoices.add(Map.of("code", "410001", "number", "N" + i));
        }
        claim.put("invoices", invoices);
        assertThat(fieldCodes(require(api.post("clerk", "/api/claims", claim), 400))).containsExactly("invoices:TOO_MANY");
        assertThat(count("claim")).isEqualTo(claimsBefore);
        assertThat(fieldCodes(require(api.post("clerk", "/api/members", Map.of("idNumber", TestIds.idNumber(),
                "name", "张三\n李四", "unitCode", "DEMO-U1", "insuranceType", "EMPLOYEE")), 400)))
                .containsExactly("name:LINE_BREAK");
    }

    @Test
    void invisibleCharactersInQueryParametersAreRefused() {
        // a URI, not a template: the template would encode the % itself
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("supervisor", "demo");
        ResponseEntity<String> answer = rest.exchange(URI.create(rest.getRootUri() + "/api/audit?actor=cl%00erk"),
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("\"field\":\"actor\"").contains("INVISIBLE_CHARACTERS");
    }

    @Test
    void aBodyInAnotherCharsetIsRefusedNotStoredGarbled() {
        long before = count("member");
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("clerk", "demo");
        headers.setContentType(MediaType.parseMediaType("application/json;charset=GBK"));
        String body = "{\"idNumber\":\"" + TestIds.idNumber() + "\",\"name\":\"测试\",\"unitCode\":\"DEMO-U1\","
                + "\"insuranceType\":\"EMPLOYEE\"}";
        ResponseEntity<String> answer = rest.exchange("/api/members", HttpMethod.POST,
                new HttpEntity<>(body.getBytes(java.nio.charset.Charset.forName("GBK")), headers), String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(415);
        assertThat(answer.getBody()).contains("UNSUPPORTED_CHARSET").contains("UTF-8");
        assertThat(count("member")).isEqualTo(before);
    }

    @Test
    void aPageFarPastTheEndIsAFieldError() {
        assertThat(fieldCodes(require(new Api(rest).get("agency", "/api/tasks?page=2147483647"), 400)))
                .containsExactly("page:OUT_OF_RANGE");
    }

    @Test
    void aKeySentTwiceIsRefusedNotTakenLast() {
        long before = count("member");
        String body = "{\"idNumber\":\"" + TestIds.idNumber() + "\",\"name\":\"张三\",\"name\":\"李四\","
                + "\"unitCode\":\"DEMO-U1\",\"insuranceType\":\"EMPLOYEE\"}";
        Api.Answer answer = require(new Api(rest).post("clerk", "/api/members", body), 400);
        assertThat(fieldCodes(answer)).containsExactly("name:DUPLICATE_FIELD");
        assertThat(count("member")).isEqualTo(before);
    }

    @Test
    void aWrongFormatSaysWhatIsExpected() {
        Api api = new Api(rest);
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "900.00");
        @SuppressWarnings("unchecked")
        Map<String, Object> expenses = new HashMap<>((Map<String, Object>) claim.get("expenses"));
        expenses.put("total", "200,000.00");
        claim.put("expenses", expenses);
        Api.Answer answer = require(api.post("clerk", "/api/claims", claim), 400);
        assertThat(fieldCodes(answer)).containsExactly("expenses.total:INVALID_FORMAT");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).contains("千位分隔符");
    }

    @Test
    void everyFieldThatCannotBeReadIsNamedWithWhatItExpects() {
        Api api = new Api(rest);
        long claimsBefore = count("claim");
        Map<String, Object> claim = ClaimRequests.claim(api.enrolledMember(), "900.00");
        @SuppressWarnings("unchecked")
        Map<String, Object> expenses = new HashMap<>((Map<String, Object>) claim.get("expenses"));
        expenses.put("total", "12,000.00");
        claim.put("expenses", expenses);
        claim.put("admissionDate", "2026/12/01");
        claim.put("invoices", List.of(Map.of("code", "410001", "number", "N1"), Map.of("code", "410001", "number", "N2"),
                Map.of("code", List.of("410001"), "number", "N3")));
        claim.put("bankAccount", "工行 6222021234567890128");
        Api.Answer answer = require(api.post("clerk", "/api/claims", claim), 400);
        assertThat(fieldMessages(answer)).containsOnly(
                Map.entry("expenses.total:INVALID_FORMAT", "金额须为数字，最多两位小数，不要千位分隔符，例如 1234.50"),
                Map.entry("admissionDate:INVALID_FORMAT", "日期格式为 年-月-日，例如 2026-12-01"),
                Map.entry("invoices[2].code:INVALID_FORMAT", "须为文字（用英文双引号括起来）"),
                Map.entry("bankAccount:INVALID_FORMAT", "须为一组字段，例如 { ... }"));
        assertThat(count("claim")).isEqualTo(claimsBefore);

        long calendarsBefore = count("working_day_calendar");
        Api.Answer days = require(api.exchange("admin", HttpMethod.PUT, "/api/calendar/2034", Map.of("days", List.of(
                Map.of("date", "2034/01/01", "name", "元旦", "isOffDay", true),
                Map.of("date", "2034-01-02", "name", "元旦", "isOffDay", "yes"),
                Map.of("date", "2034-01-03", "name", "元旦", "isOffDay", 123)))), 400);
        assertThat(fieldMessages(days)).containsOnly(
                Map.entry("days[0].date:INVALID_FORMAT", "日期格式为 年-月-日，例如 2026-12-01"),
                Map.entry("days[1].isOffDay:INVALID_FORMAT", "须为 true 或 false"),
                Map.entry("days[2].isOffDay:INVALID_FORMAT", "须为 true 或 false"));
        assertThat(count("working_day_calendar")).isEqualTo(calendarsBefore);

        long contributionsBefore = count("fund_contribution");
        Api.Answer numbers = require(api.post("admin", "/api/fund/contributions", "{\"scheme\":\"INPATIENT\","
                + "\"schemeYear\":99999999999,\"unitCode\":\"DEMO-U1\",\"members\":\"三百\",\"perMember\":\"60.00\"}"), 400);
        assertThat(fieldMessages(numbers)).containsOnly(Map.entry("schemeYear:INVALID_FORMAT", "须为整数，例如 10"),
                Map.entry("members:INVALID_FORMAT", "须为整数，例如 10"));
        assertThat(count("fund_contribution")).isEqualTo(contributionsBefore);
    }

    @Test
    void aNumberIsNoYesOrNo() {
        String year = "2033";
        Api.Answer answer = require(new Api(rest).exchange("admin", HttpMethod.PUT, "/api/calendar/" + year,
                Map.of("days", List.of(Map.of("date", year + "-01-01", "name", "元旦", "isOffDay", 123)))), 400);
        assertThat(fieldCodes(answer)).containsExactly("days[0].isOffDay:INVALID_FORMAT");
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblemsToo() {
        Api api = new Api(rest);
        Api.Answer unknown = require(api.get("clerk", "/api/no-such-thing"), 404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(unknown.body().get("title").asText()).isEqualTo("未找到");

        Api.Answer wrongMethod = require(api.exchange("admin", HttpMethod.DELETE, "/api/units", null), 405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.body().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.headers().getAllow()).isNotEmpty();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
