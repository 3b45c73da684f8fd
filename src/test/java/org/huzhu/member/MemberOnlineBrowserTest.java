package org.huzhu.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.PaperFiles;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.BrowserScript.line;

/**
 * A member on a 375x812 phone in a real headless Chromium, typing and tapping: signs in with
 * the code sent to their number, claims online with a photo, sees the papers missing and sends
 * them. The code is read off the demo mailbox (/admin/mailbox) by an admin in a second browser,
 * as the member would read it off their phone. Screenshots: target/member-online-*.png.
 */
@HuzhuIntegrationTest
class MemberOnlineBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aMemberSignsInClaimsWithAPhotoAndSuppliesTheMissingPapersFromAPhone() throws Exception {
        Api api = new Api(rest);
        String id = api.enrolledMember();
        // a number of this run's own, so the mailbox's filter finds this member's code alone
        String mobile = "139" + String.format("%08d", Math.floorMod(TestIds.code("M").hashCode(), 100_000_000));
        String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
        long member = jdbc.sql("select id from member where id_number = :id").param("id", id).query(Long.class).single();
        Api.require(api.exchange("admin", HttpMethod.PUT, "/api/members/" + member + "/mobile",
                Map.of("mobile", mobile)), 200);
        Path photo = Path.of("target/member-online-photo.jpg").toAbsolutePath();
        Files.write(photo, PaperFiles.image("jpg", 1600, 1200, 7));
        String output = BrowserScript.run("member-online.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                    "ID_NUMBER", id, "MOBILE_MASKED", masked, "PHOTO", photo.toString(),
                    "ADMISSION", EngineTime.today().minusDays(15).toString(),
                    "DISCHARGE", EngineTime.today().minusDays(5).toString(),
                    "INVOICE", TestIds.code("N").replace("-", ""),
                    "LATER", String.join(",", MemberClaimsTest.LATER),
                    "SCREENSHOTS", Path.of("target/member-online-").toAbsolutePath().toString()));
        assertThat(line(output, "sent: ")).contains("验证码已发送至预留手机号");
        assertThat(line(output, "home: ")).contains("您好", masked, "住院医疗互助", "保障中").doesNotContain(id);
        assertThat(line(output, "receipt: ")).contains("申请已提交", "本人线上提交", "待补件", "出院小结");
        assertThat(line(output, "missing: ")).contains("费用清单", "出院小结", "医保结算单", "身份证", "银行卡");
        assertThat(line(output, "supplied: ")).contains("已收到5个文件", "材料已齐全");
        assertThat(line(output, "status: ")).isEqualTo("status: 代办点审核中");
        assertThat(jdbc.sql("select status from claim where member_id = :m").param("m", member).query(String.class).single())
                .isEqualTo("AGENCY_CHECK");
    }
}
