package org.huzhu.security.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.huzhu.security.StaffAccounts;
import org.huzhu.security.StaffMobiles;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrators' account pages through a signed-in session: list, create, roles, password, locks. */
@HuzhuIntegrationTest
class StaffAccountPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    StaffMobiles mobiles;

    @Test
    void anAdminCreatesAnAccountFieldByFieldThenChangesItsRoles() {
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        Page list = admin.get("/system/accounts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.menu()).contains("员工账号与角色");
        assertThat(row(list, "clerk").text()).contains("受理员（DEMO-A）", "正常");
        assertThat(row(list, "finance").text()).contains("财务人员");
        assertThat(row(list, "admin").text()).contains("系统管理员", "流程管理员");

        Page blank = admin.get("/system/accounts/new");
        assertThat(blank.html().select("input[name=roles] + span").eachText()).contains("受理员", "财务人员", "督办");
        assertThat(blank.html().select("select[name=agencyCode] option").eachText()).contains("演示代办点A（DEMO-A）");

        long users = users();
        Page refused = admin.post("/system/accounts", Map.of("id", "Not Valid", "name", " ", "password", "short",
                "roles", "clerk", "agencyCode", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorAt(refused, "id")).contains("小写字母");
        assertThat(errorAt(refused, "name")).contains("姓名");
        assertThat(errorAt(refused, "password")).isEqualTo("密码至少8位");
        assertThat(errorAt(refused, "agencyCode")).isEqualTo("代办点角色须指定代办点");
        assertThat(refused.html().selectFirst("input[name=id]").val()).isEqualTo("Not Valid");
        assertThat(refused.html().selectFirst("input[name=password]").val()).isEmpty();
        assertThat(refused.html().selectFirst("input[name=roles][value=clerk]").hasAttr("checked")).isTrue();
        assertThat(admin.post("/system/accounts", Map.of("id", "clerk", "name", "重名", "password", "long-enough",
                "roles", "supervisor")).text()).contains("用户名已存在");
        assertThat(users()).isEqualTo(users);

        String id = "wb-" + TestIds.code("u").toLowerCase();
        Page created = admin.post("/system/accounts", Map.of("id", id, "name", "赵敏", "password", "first-password",
                "roles", "clerk", "agencyCode", "DEMO-A"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/system/accounts/" + id + "?done=created");
        assertThat(groups(id)).containsExactlyInAnyOrder("clerk", "clerk-DEMO-A");
        Page account = admin.get("/system/accounts/" + id + "?done=created");
        assertThat(account.text()).contains("账号已创建", "赵敏（" + id + "）");
        assertThat(account.html().select("dd.roles").text()).isEqualTo("受理员（DEMO-A）");
        assertThat(WorkbenchSession.signIn(port, id, "first-password").get("/").text()).contains("赵敏", "受理员（演示代办点A）");

        Page noRoles = admin.post("/system/accounts/" + id + "/roles", Map.of("agencyCode", "DEMO-A"));
        assertThat(noRoles.status()).isEqualTo(400);
        assertThat(errorAt(noRoles, "roles")).isEqualTo("请至少选择一个角色");
        assertThat(groups(id)).containsExactlyInAnyOrder("clerk", "clerk-DEMO-A");
        Page changed = admin.post("/system/accounts/" + id + "/roles", Map.of("roles", "finance", "agencyCode", ""));
        assertThat(changed.location()).endsWith("/system/accounts/" + id + "?done=roles");
        assertThat(groups(id)).containsExactly("finance");
        assertThat(admin.get("/system/accounts/" + id).html().select("dd.roles").text()).isEqualTo("财务人员");
    }

    @Test
    void aPasswordResetUnlocksAnAccountLockedAfterWrongPasswords() {
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        admin.get("/system/accounts/new");
        String id = "wb-" + TestIds.code("l").toLowerCase();
        assertThat(admin.post("/system/accounts", Map.of("id", id, "name", "钱进", "password", "right-password",
                "roles", "supervisor")).status()).isEqualTo(302);
        for (int i = 1; i <= 5; i++) {
            WorkbenchSession.anonymous(port).post("/login", Map.of("username", id, "password", "wrong-" + i));
        }
        Page locked = admin.get("/system/accounts?locked=true");
        assertThat(row(locked, id).text()).contains("锁定至");
        assertThat(admin.get("/").html().select("a.figure[href=/system/accounts?locked=true]").text())
                .isEqualTo(accounts.locked().size() + " 锁定或停用的账号");

        Page tooShort = admin.post("/system/accounts/" + id + "/password", Map.of("password", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(errorAt(tooShort, "password")).isEqualTo("密码至少8位");
        assertThat(accounts.get(id).lockedUntil()).isNotNull();
        Page reset = admin.post("/system/accounts/" + id + "/password", Map.of("password", "second-password"));
        assertThat(reset.location()).endsWith("?done=password");
        assertThat(accounts.get(id).lockedUntil()).isNull();
        assertThat(admin.get("/system/accounts/" + id + "?done=password").text()).contains("密码已重置", "正常");
        assertThat(WorkbenchSession.signIn(port, id, "second-password").get("/").status()).isEqualTo(200);
    }

    @Test
    void anAdminStopsAnAccountWhoseSessionEndsAtOnceThenStartsItAgain() throws Exception {
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        admin.get("/system/accounts/new");
        String id = "wb-" + TestIds.code("s").toLowerCase();
        assertThat(admin.post("/system/accounts", Map.of("id", id, "name", "孙立", "password", "right-password",
                "roles", "supervisor")).status()).isEqualTo(302);
        WorkbenchSession leaving = WorkbenchSession.signIn(port, id, "right-password");
        assertThat(leaving.get("/").status()).isEqualTo(200);

        Page noReason = admin.post("/system/accounts/" + id + "/stop", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(errorAt(noReason, "reason")).isEqualTo("请说明停用原因（最多200字）");
        assertThat(accounts.get(id).lockedUntil()).isNull();
        assertThat(leaving.get("/").status()).isEqualTo(200);
        Page own = admin.post("/system/accounts/admin/stop", Map.of("reason", "试一试"));
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.text()).contains("不能停用自己的账号");
        assertThat(accounts.get("admin").stopped()).isFalse();

        Page stopped = admin.post("/system/accounts/" + id + "/stop", Map.of("reason", "已调离工会"));
        assertThat(stopped.location()).endsWith("?done=stopped");
        assertThat(accounts.get(id).stopped()).isTrue();
        assertThat(admin.get("/system/accounts/" + id + "?done=stopped").text()).contains("账号已停用", "已停用", "重新启用账号");
        assertThat(row(admin.get("/system/accounts?locked=true"), id).text()).contains("已停用");
        // the open session is over, and no password signs in: not the workbench, not the API
        assertThat(leaving.get("/").location()).endsWith("/login");
        assertThat(WorkbenchSession.anonymous(port).post("/login", Map.of("username", id, "password", "right-password"))
                .location()).endsWith("/login?error");
        assertThat(basicStatus(id, "right-password")).isEqualTo(401);
        assertThat(jdbc.sql("select reason from audit_event where action = 'USER_STOPPED' and subject_id = :id")
                .param("id", id).query(String.class).list()).containsExactly("停用：已调离工会");

        Page started = admin.post("/system/accounts/" + id + "/start", Map.of());
        assertThat(started.location()).endsWith("?done=started");
        assertThat(accounts.get(id).lockedUntil()).isNull();
        assertThat(WorkbenchSession.signIn(port, id, "right-password").get("/").status()).isEqualTo(200);
    }

    @Test
    void anAdminKeepsTheNumberASupervisorsEscalationsAreTextedTo() {
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        admin.get("/system/accounts/new");
        String id = "wb-" + TestIds.code("m").toLowerCase();
        assertThat(admin.post("/system/accounts", Map.of("id", id, "name", "孙督办", "password", "right-password",
                "roles", "supervisor")).status()).isEqualTo(302);
        assertThat(admin.get("/system/accounts/" + id).html().selectFirst("[data-account=mobile]").text()).isEqualTo("未登记");

        Page wrong = admin.post("/system/accounts/" + id + "/mobile", Map.of("mobile", "0371-1234"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(errorAt(wrong, "mobile")).isEqualTo("请填写11位手机号码，如 13812345678");
        assertThat(mobiles.of(id)).isEmpty();

        Page saved = admin.post("/system/accounts/" + id + "/mobile", Map.of("mobile", "138 1234 5670"));
        assertThat(saved.location()).endsWith("?done=mobile");
        Page shown = admin.get("/system/accounts/" + id + "?done=mobile");
        assertThat(shown.text()).contains("手机号已保存").doesNotContain("13812345670");
        assertThat(shown.html().selectFirst("[data-account=mobile]").text()).isEqualTo("138****5670");
        assertThat(mobiles.of(id)).contains("13812345670");
        assertThat(mobiles.reachableIn("supervisor")).contains(id);

        assertThat(admin.post("/system/accounts/" + id + "/mobile", Map.of("mobile", "")).status()).isEqualTo(302);
        assertThat(mobiles.of(id)).isEmpty();
        assertThat(WorkbenchSession.signIn(port, "supervisor").post("/system/accounts/" + id + "/mobile",
                Map.of("mobile", "13812345670")).status()).isEqualTo(403);
        assertThat(mobiles.of(id)).isEmpty();
    }

    @Test
    void nobodyButAdminsOpensTheAccountsOrSendsTheirForms() {
        for (String user : List.of("clerk", "supervisor", "finance")) {
            WorkbenchSession session = WorkbenchSession.signIn(port, user);
            assertThat(session.get("/").menu()).doesNotContain("员工账号与角色");
            Page refused = session.get("/system/accounts");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).contains("无权访问");
            assertThat(session.post("/system/accounts/clerk/password", Map.of("password", "taken-over-1")).status())
                    .isEqualTo(403);
            assertThat(session.post("/system/accounts/clerk/stop", Map.of("reason", "taken over")).status()).isEqualTo(403);
        }
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        admin.get("/system/accounts");
        assertThat(admin.postWithoutToken("/system/accounts/clerk/password", Map.of("password", "taken-over-1")).status())
                .isEqualTo(403);
        assertThat(WorkbenchSession.signIn(port, "clerk").get("/").status()).isEqualTo(200);
    }

    private static Element row(Page page, String user) {
        Element row = page.html().selectFirst("table.accounts tr[data-user=" + user + "]");
        assertThat(row).as(user + " in " + page.text()).isNotNull();
        return row;
    }

    private static String errorAt(Page page, String field) {
        Element at = page.html().selectFirst(".field.invalid:has([name=" + field + "]) .error");
        assertThat(at).as("an error at " + field + " in " + page.text()).isNotNull();
        return at.text();
    }

    private int basicStatus(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private long users() {
        return jdbc.sql("select count(*) from public.act_id_user").query(Long.class).single();
    }

    private List<String> groups(String user) {
        return jdbc.sql("select group_id_ from public.act_id_membership where user_id_ = :user order by group_id_")
                .param("user", user).query(String.class).list();
    }
}
