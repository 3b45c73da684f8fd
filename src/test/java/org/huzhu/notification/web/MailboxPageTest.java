package org.huzhu.notification.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.huzhu.notification.Outbox;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo mailbox (开发信箱) as the tests' configuration has it: the mailbox sender, delivering
 * right after each commit. Admins read every message there, newest first; nobody else does.
 */
@HuzhuIntegrationTest
class MailboxPageTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSignInCodeArrivesInTheMailboxWithinSecondsOfTheCommitAndShowsOnTopInFull() throws InterruptedException {
        Api api = new Api(rest);
        long member = member(api, "13812341234");
        long without = member(api, null);
        String code = String.valueOf(100000 + (int) (Math.random() * 900000));
        long earlier = write(without, "CLAIM_RECEIVED", Map.of("receiptNumber", "1"), "您的申请已受理，申请编号1。");
        long sent = write(member, "SIGN_IN_CODE", Map.of("code", code), "您的登录验证码是" + code + "，5分钟内有效。");

        // no poll in the tests: only the run after the commit delivers
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!"SENT".equals(state(sent)) && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(state(sent)).isEqualTo("SENT");
        assertThat(state(earlier)).isEqualTo("FAILED");

        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        Page page = admin.get("/admin/mailbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.menu()).contains("开发信箱");
        Element newest = page.html().selectFirst("tr[data-message-id]");
        assertThat(newest.attr("data-message-id")).isEqualTo(String.valueOf(sent));
        assertThat(newest.selectFirst("td[data-mailbox=kind]").text()).isEqualTo("SIGN_IN_CODE 登录验证码");
        assertThat(newest.selectFirst("td[data-mailbox=to]").text()).isEqualTo("138****1234");
        assertThat(newest.selectFirst("td[data-mailbox=text]").text()).isEqualTo("您的登录验证码是" + code + "，5分钟内有效。");
        assertThat(newest.selectFirst("td[data-mailbox=state]").text()).startsWith("已发送 尝试1次").contains("mailbox");
        assertThat(page.body()).doesNotContain("13812341234");

        Element failed = page.html().selectFirst("tr[data-message-id=" + earlier + "]");
        assertThat(failed.selectFirst("td[data-mailbox=to]").text()).isEqualTo("未登记手机号");
        assertThat(failed.selectFirst("td[data-mailbox=state]").text())
                .isEqualTo("发送失败 尝试1次 会员未登记手机号码，消息未发送（请代办点登记手机号码）");

        Page byNumber = admin.get("/admin/mailbox?to=1234&kind=SIGN_IN_CODE");
        assertThat(byNumber.html().select("tr[data-message-id]").eachAttr("data-message-id")).contains(String.valueOf(sent))
                .doesNotContain(String.valueOf(earlier));
        assertThat(byNumber.html().select("td[data-mailbox=kind]").eachText()).allMatch(k -> k.startsWith("SIGN_IN_CODE"));
        // by member id: the member's message; any other row listed is one whose masked number holds those digits
        Page byKind = admin.get("/admin/mailbox?kind=CLAIM_RECEIVED&to=" + without);
        assertThat(byKind.html().select("tr[data-message-id]").eachAttr("data-message-id")).contains(String.valueOf(earlier));
        assertThat(byKind.html().select("tr[data-message-id]").stream()
                .filter(row -> !row.attr("data-message-id").equals(String.valueOf(earlier)))
                .map(row -> row.selectFirst("td[data-mailbox=to]").text()))
                .allMatch(to -> to.contains(String.valueOf(without)));
    }

    @Test
    void pagesGoBackFiftyMessagesAtATime() {
        Api api = new Api(rest);
        long member = member(api, "13900001111");
        for (int i = 0; i < 51; i++) {
            write(member, "CLAIM_RECEIVED", Map.of(), "第" + i + "条");
        }
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        Page first = admin.get("/admin/mailbox?to=" + member);
        assertThat(first.html().select("tr[data-message-id]")).hasSize(50);
        assertThat(first.html().selectFirst("td[data-mailbox=text]").text()).isEqualTo("第50条");
        Page second = admin.get(first.html().select("a.button").stream().filter(a -> a.text().equals("更早"))
                .findFirst().orElseThrow().attr("href"));
        // the member's oldest message, then (the filter matching digits of masked numbers too) any other
        // member's whose number or id holds the same digits: older, so on this page
        assertThat(second.html().select("td[data-mailbox=text]").eachText()).startsWith("第0条")
                .filteredOn(text -> text.matches("第\\d+条")).containsExactly("第0条");
    }

    @Test
    void onlyAdministratorsReadTheMailbox() {
        for (String user : new String[] {"clerk", "supervisor"}) {
            Page refused = WorkbenchSession.signIn(port, user).get("/admin/mailbox");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("只有系统管理员可以查看开发信箱").doesNotContain("data-message-id");
            assertThat(refused.menu()).doesNotContain("开发信箱");
        }
    }

    private long member(Api api, String mobile) {
        String idNumber = api.registeredMember("DEMO-A", "EMPLOYEE", TestIds.idNumber());
        long id = jdbc.sql("select id from member where id_number = :n").param("n", idNumber).query(Long.class).single();
        jdbc.sql("update member set mobile = :m where id = :id").param("m", mobile).param("id", id).update();
        return id;
    }

    private long write(long member, String kind, Map<String, String> params, String text) {
        String key = "TEST:" + UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.toMember(member, null, kind, key, params, text));
        return jdbc.sql("select id from notification where dedup_key = :k").param("k", key).query(Long.class).single();
    }

    private String state(long id) {
        return jdbc.sql("select state from notification where id = :id").param("id", id).query(String.class).single();
    }
}
