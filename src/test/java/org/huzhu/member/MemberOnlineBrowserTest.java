package org.huzhu.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * them. The code is read from the outbox and handed to the script as a phone would show it
 * (the demo mailbox at /admin/mailbox is not on this branch yet). Screenshots: target/member-online-*.png.
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
        long member = jdbc.sql("select id from member where id_number = :id").param("id", id).query(Long.class).single();
        Api.require(api.exchange("admin", HttpMethod.PUT, "/api/members/" + member + "/mobile",
                Map.of("mobile", "13855550001")), 200);
        Path photo = Path.of("target/member-online-photo.jpg").toAbsolutePath();
        Files.write(photo, PaperFiles.image("jpg", 1600, 1200, 7));
        Path codeFile = Path.of("target/member-online-code.txt").toAbsolutePath();
        Files.deleteIfExists(codeFile);
        AtomicBoolean done = new AtomicBoolean();
        Thread phone = new Thread(() -> {
            while (!done.get()) {
                var code = jdbc.sql("select params ->> 'code' from notification where member_id = :m and kind = 'SIGN_IN_CODE'"
                        + " order by id desc limit 1").param("m", member).query(String.class).optional();
                if (code.isPresent()) {
                    try {
                        Files.writeString(codeFile, code.get());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        phone.start();
        String output;
        try {
            output = BrowserScript.run("member-online.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                    "ID_NUMBER", id, "CODE_FILE", codeFile.toString(), "PHOTO", photo.toString(),
                    "ADMISSION", EngineTime.today().minusDays(15).toString(),
                    "DISCHARGE", EngineTime.today().minusDays(5).toString(),
                    "INVOICE", TestIds.code("N").replace("-", ""),
                    "LATER", String.join(",", MemberClaimsTest.LATER),
                    "SCREENSHOTS", Path.of("target/member-online-").toAbsolutePath().toString()));
        } finally {
            done.set(true);
            phone.join(5000);
        }
        assertThat(line(output, "sent: ")).contains("验证码已发送至预留手机号");
        assertThat(line(output, "home: ")).contains("您好", "138****0001", "住院医疗互助", "保障中").doesNotContain(id);
        assertThat(line(output, "receipt: ")).contains("申请已提交", "本人线上提交", "待补件", "出院小结");
        assertThat(line(output, "missing: ")).contains("费用清单", "出院小结", "医保结算单", "身份证", "银行卡");
        assertThat(line(output, "supplied: ")).contains("已收到5个文件", "材料已齐全");
        assertThat(line(output, "status: ")).isEqualTo("status: 代办点审核中");
        assertThat(jdbc.sql("select status from claim where member_id = :m").param("m", member).query(String.class).single())
                .isEqualTo("AGENCY_CHECK");
    }
}
