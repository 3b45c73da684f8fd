package org.huzhu.member;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.huzhu.platform.Beijing;
import org.huzhu.support.Api;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.MemberSignIn;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in at /m/login over HTTP: codes go out through the outbox, are kept hashed, expire, are
 * spent once and burnt by wrong tries; requests are limited per ID number, per mobile number and
 * per IP address; the answers do not tell an enrolled ID number from any other.
 */
@HuzhuIntegrationTest
class MemberSignInTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void clock() {
        EngineTime.reset();
    }

    @Test
    void aCodeFromTheOutboxSignsInOnceAndOnlyItsHashIsStored() {
        String id = memberWithMobile("13912345678");
        WorkbenchSession phone = MemberSignIn.anonymous(port);
        WorkbenchSession.Page sent = phone.post("/m/login/code", Map.of("idNumber", id));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.text()).contains("验证码已发送至预留手机号");
        String code = MemberSignIn.lastCode(jdbc, id);
        assertThat(jdbc.sql("select message from notification where kind = 'SIGN_IN_CODE' and member_id = :m order by id desc limit 1")
                .param("m", memberId(id)).query(String.class).single())
                .isEqualTo("您的互助保障登录验证码为" + code + "，5分钟内有效。如非本人操作请忽略。");
        List<String> stored = jdbc.sql("select code_hash || salt from member_sign_in_code where member_id = :m")
                .param("m", memberId(id)).query(String.class).list();
        assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(code));

        WorkbenchSession.Page in = phone.post("/m/login", Map.of("idNumber", id, "code", code));
        assertThat(in.status()).isEqualTo(302);
        assertThat(in.location()).endsWith("/m/");
        assertThat(phone.get("/m/").text()).contains("您好").contains("139****5678").doesNotContain("13912345678");

        // spent: the same code again signs nobody in
        WorkbenchSession again = MemberSignIn.anonymous(port);
        WorkbenchSession.Page twice = again.post("/m/login", Map.of("idNumber", id, "code", code));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text()).contains("验证码错误或已过期");
        assertThat(again.get("/m/").status()).isEqualTo(302);
    }

    @Test
    void anExpiredCodeAndAWrongCodeReadAlikeAndWrongTriesBurnTheCode() {
        String id = memberWithMobile("13712345670");
        EngineTime.set("2027-02-01T10:00:00+08:00");
        WorkbenchSession phone = MemberSignIn.anonymous(port);
        phone.post("/m/login/code", Map.of("idNumber", id));
        String code = MemberSignIn.lastCode(jdbc, id);
        EngineTime.set("2027-02-01T10:05:01+08:00");
        WorkbenchSession.Page expired = phone.post("/m/login", Map.of("idNumber", id, "code", code));
        assertThat(expired.status()).isEqualTo(400);
        String expiredMessage = expired.html().selectFirst("#error-code").text();

        EngineTime.set("2027-02-01T10:10:00+08:00");
        phone.post("/m/login/code", Map.of("idNumber", id));
        String fresh = MemberSignIn.lastCode(jdbc, id);
        String wrong = fresh.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            WorkbenchSession.Page answer = phone.post("/m/login", Map.of("idNumber", id, "code", wrong));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.html().selectFirst("#error-code").text()).isEqualTo(expiredMessage);
        }
        // five wrong tries burnt it: the right code no longer signs in
        assertThat(phone.post("/m/login", Map.of("idNumber", id, "code", fresh)).status()).isEqualTo(400);
        assertThat(expiredMessage).isEqualTo("验证码错误或已过期，请重新获取验证码。");
    }

    @Test
    void theAnswerToSendCodeIsTheSameForAnyIdNumber() {
        String withMobile = memberWithMobile("13612345671");
        String withoutMobile = new Api(rest).registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber());
        String stranger = TestIds.idNumber();
        EngineTime.set("2027-02-02T10:00:00+08:00");
        List<String> answers = List.of(withMobile, withoutMobile, stranger).stream().map(id -> {
            WorkbenchSession.Page page = MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", id));
            return page.status() + " " + page.html().selectFirst("main").text().replace(id, "ID");
        }).toList();
        assertThat(answers).containsOnly(answers.get(0));
        assertThat(answers.get(0)).startsWith("200");
        // the wrong code of an ID number nobody holds reads as any wrong code
        WorkbenchSession.Page nobody = MemberSignIn.anonymous(port).post("/m/login", Map.of("idNumber", stranger,
                "code", "123456"));
        assertThat(nobody.html().selectFirst("#error-code").text()).isEqualTo("验证码错误或已过期，请重新获取验证码。");
        assertThat(jdbc.sql("select count(*) from notification where kind = 'SIGN_IN_CODE' and member_id = :m")
                .param("m", memberId(withoutMobile)).query(Long.class).single()).isZero();
    }

    @Test
    void requestsAreLimitedPerIdNumberPerMobileNumberAndPerAddress() {
        String id = memberWithMobile("13512345672");
        EngineTime.set("2027-02-03T10:00:00+08:00");
        for (int i = 0; i < 5; i++) {
            assertThat(MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", id)).status()).isEqualTo(200);
        }
        WorkbenchSession.Page limited = MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", id));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.html().selectFirst("#error-idNumber").text()).isEqualTo("获取验证码过于频繁，请1小时后再试。");
        assertThat(codesOf(id)).isEqualTo(5);
        // an hour later the ID number may ask again
        EngineTime.set("2027-02-03T11:00:01+08:00");
        assertThat(MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", id)).status()).isEqualTo(200);

        // per mobile number: two members sharing a number (a family's phone) share its limit
        String first = memberWithMobile("13412345673");
        String second = memberWithMobile("13412345673");
        EngineTime.set("2027-02-04T10:00:00+08:00");
        for (int i = 0; i < 5; i++) {
            MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", i % 2 == 0 ? first : second));
        }
        assertThat(MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", second)).status())
                .isEqualTo(429);
        assertThat(codesOf(first) + codesOf(second)).isEqualTo(5);

        // per address: 20 requests from one address, whatever the ID numbers
        EngineTime.set("2027-02-05T10:00:00+08:00");
        for (int i = 0; i < 20; i++) {
            assertThat(MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", TestIds.idNumber()))
                    .status()).isEqualTo(200);
        }
        assertThat(MemberSignIn.anonymous(port).post("/m/login/code", Map.of("idNumber", TestIds.idNumber())).status())
                .isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from member_sign_in_request where kind = 'ID' and subject_hash like :id")
                .param("id", "%" + id + "%").query(Long.class).single()).as("ID numbers are kept hashed").isZero();
    }

    @Test
    void theMembersLogoutAndTimeoutEndOnlyTheMembersSignInNotTheStaffsInTheSameBrowser() {
        String id = memberWithMobile("13912345670");
        // the demo's way: the admin reads the code in the mailbox, the member signs in beside it
        WorkbenchSession browser = WorkbenchSession.signIn(port, "admin");
        browser.get("/m/login");
        assertThat(browser.post("/m/login/code", Map.of("idNumber", id)).status()).isEqualTo(200);
        assertThat(browser.post("/m/login", Map.of("idNumber", id, "code", MemberSignIn.lastCode(jdbc, id))).status())
                .isEqualTo(302);
        assertThat(browser.get("/m/").status()).isEqualTo(200);
        WorkbenchSession.Page out = browser.post("/m/logout", Map.of());
        assertThat(out.location()).endsWith("/m/login?logout");
        assertThat(browser.get("/m/").location()).endsWith("/m/login");
        assertThat(browser.get("/admin/mailbox").status()).isEqualTo(200);

        browser.get("/m/login");
        browser.post("/m/login/code", Map.of("idNumber", id));
        browser.post("/m/login", Map.of("idNumber", id, "code", MemberSignIn.lastCode(jdbc, id)));
        EngineTime.set(OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(14)),
                Beijing.ZONE).toString());
        assertThat(browser.get("/m/").status()).as("14 minutes idle").isEqualTo(200);
        EngineTime.set(OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(16)),
                Beijing.ZONE).toString());
        assertThat(browser.get("/m/").location()).as("16 minutes idle").endsWith("/m/login");
        assertThat(browser.get("/admin/mailbox").status()).isEqualTo(200);
    }

    @Test
    void aBadlyFormedIdNumberOrCodeIsToldAtItsField() {
        WorkbenchSession phone = MemberSignIn.anonymous(port);
        WorkbenchSession.Page badId = phone.post("/m/login/code", Map.of("idNumber", "12345"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.html().selectFirst("#error-idNumber").text()).contains("身份证号不正确");
        WorkbenchSession.Page badCode = phone.post("/m/login", Map.of("idNumber", TestIds.idNumber(), "code", "12ab"));
        assertThat(badCode.html().selectFirst("#error-code").text()).isEqualTo("验证码为6位数字");
    }

    private long codesOf(String id) {
        return jdbc.sql("select count(*) from member_sign_in_code where member_id = :m").param("m", memberId(id))
                .query(Long.class).single();
    }

    private long memberId(String idNumber) {
        return jdbc.sql("select id from member where id_number = :id").param("id", idNumber).query(Long.class).single();
    }

    private String memberWithMobile(String mobile) {
        Api api = new Api(rest);
        String id = api.enrolledMember();
        Api.require(api.exchange("admin", org.springframework.http.HttpMethod.PUT, "/api/members/" + memberId(id) + "/mobile",
                Map.of("mobile", mobile)), 200);
        return id;
    }
}
