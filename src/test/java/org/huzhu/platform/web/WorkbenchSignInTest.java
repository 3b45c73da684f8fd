package org.huzhu.platform.web;

import java.util.Map;

import org.huzhu.reporting.SupervisorReports;
import org.huzhu.sla.SlaOverview;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench's door: the sign-in form, the session, CSRF, the frame's menu by role, logout. */
@HuzhuIntegrationTest
class WorkbenchSignInTest {

    @LocalServerPort
    int port;
    @Autowired
    SupervisorReports reports;

    @Test
    void anAnonymousVisitorIsSentToTheChineseSignInPage() {
        WorkbenchSession nobody = WorkbenchSession.anonymous(port);
        Page home = nobody.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/login");
        assertThat(nobody.get("/claims/1").location()).endsWith("/login");

        Page signIn = nobody.get("/login");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.text()).contains("职工医疗互助保障工作台", "用户名", "密码", "登录");
        assertThat(signIn.html().select("form input[name=_csrf]")).hasSize(1);
        String policy = signIn.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        // the page's own files are there for a visitor not yet signed in
        assertThat(nobody.get("/css/workbench.css").status()).isEqualTo(200);
        assertThat(nobody.get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordOrAMissingTokenLetsNobodyIn() {
        WorkbenchSession visitor = WorkbenchSession.anonymous(port);
        Page forged = visitor.postWithoutToken("/login", Map.of("username", "clerk", "password", "demo"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(visitor.get("/").location()).endsWith("/login");

        Page wrong = visitor.post("/login", Map.of("username", "clerk", "password", "not-the-password"));
        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(visitor.get("/login?error").text()).contains("用户名或密码不正确");
        assertThat(visitor.get("/").location()).endsWith("/login");
        // unknown users read exactly as a wrong password
        Page unknown = WorkbenchSession.anonymous(port).post("/login", Map.of("username", "nobody-here", "password", "x"));
        assertThat(unknown.location()).endsWith("/login?error");
    }

    @Test
    void theSupervisorSeesTheirNameTheirMenuAndTheDeadlineCountsAtHome() {
        WorkbenchSession supervisor = WorkbenchSession.signIn(port, "supervisor");
        Page home = supervisor.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("督办", "Camunda 任务列表", "退出");
        assertThat(home.menu()).contains("支付时限督办");
        SlaOverview overview = reports.overview();
        assertThat(home.html().select("a.figure").eachText()).contains(
                overview.open().atRisk() + " 临期", overview.open().breached() + " 已超期");
        assertThat(home.html().select("nav.menu a.active").eachText()).isEmpty();
        // the dashboard and its API under the same session, no second sign-in
        assertThat(supervisor.get("/sla/index.html").status()).isEqualTo(200);
        assertThat(supervisor.api("GET", "/api/sla/overview", null).status()).isEqualTo(200);
        // a change through the API with the session's cookie needs the session's token
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        assertThat(admin.apiWithoutToken("POST", "/api/organisers", "{}").status()).isEqualTo(403);
        admin.get("/");
        Page checked = admin.api("POST", "/api/organisers", "{}");
        assertThat(checked.status()).as(checked.body()).isEqualTo(400);
    }

    @Test
    void aClerkDoesNotSeeOrOpenTheSupervisorsPages() {
        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        Page home = clerk.get("/");
        assertThat(home.status()).isEqualTo(200);
        // the top bar names the agency, not its code, and links to Tasklist, which clerks may use
        assertThat(home.html().select("header .roles").text()).isEqualTo("受理员（演示代办点A）");
        assertThat(home.html().select("header a.tasklist")).hasSize(1);
        assertThat(home.menu()).doesNotContain("支付时限督办");
        assertThat(home.html().select("a.figure").eachText()).noneMatch(text -> text.contains("超期"));
        Page dashboard = clerk.get("/sla/index.html");
        assertThat(dashboard.status()).isEqualTo(403);
        assertThat(dashboard.text()).contains("无权访问");
        Page unknown = clerk.get("/no-such-page");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("没有找到", "没有这个地址");
        // error pages keep the frame: who is signed in and the way out
        for (Page error : new Page[] {dashboard, unknown}) {
            assertThat(error.html().select("header .name").text()).isEqualTo(home.html().select("header .name").text()).isNotBlank();
            assertThat(error.html().select("header form.logout")).hasSize(1);
        }
    }

    @Test
    void financeIsNotShownTasklistWhichTheEngineDoesNotLetThemOpen() {
        WorkbenchSession finance = WorkbenchSession.signIn(port, "finance");
        Page home = finance.get("/");
        assertThat(home.html().select("header .roles").text()).isEqualTo("财务人员");
        assertThat(home.html().select("header a.tasklist")).isEmpty();
        assertThat(finance.api("GET", "/camunda/api/admin/auth/user/default", null).body()).doesNotContain("tasklist");
    }

    @Test
    void signedInAtTheWorkbenchTheAuditorIsSignedInToTasklistAsTheSamePerson() {
        WorkbenchSession nobody = WorkbenchSession.anonymous(port);
        assertThat(nobody.api("GET", "/camunda/api/admin/auth/user/default", null).status()).isIn(401, 404);

        WorkbenchSession agency = WorkbenchSession.signIn(port, "agency");
        assertThat(agency.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        Page who = agency.api("GET", "/camunda/api/admin/auth/user/default", null);
        assertThat(who.status()).as(who.body()).isEqualTo(200);
        assertThat(who.body()).contains("\"userId\":\"agency\"", "tasklist").doesNotContain("cockpit");
        assertThat(agency.api("GET", "/camunda/api/engine/engine/default/task/count", null).status()).isEqualTo(200);

        agency.get("/");
        assertThat(agency.post("/logout", Map.of()).location()).endsWith("/login?logout");
        assertThat(agency.api("GET", "/camunda/api/admin/auth/user/default", null).status()).isIn(401, 404);
    }

    @Test
    void signingOutEndsTheSession() {
        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        assertThat(clerk.get("/").status()).isEqualTo(200);
        assertThat(clerk.postWithoutToken("/logout", Map.of()).status()).isEqualTo(403);
        assertThat(clerk.get("/").status()).isEqualTo(200);
        Page out = clerk.post("/logout", Map.of());
        assertThat(out.location()).endsWith("/login?logout");
        assertThat(clerk.get("/login?logout").text()).contains("您已安全退出");
        assertThat(clerk.get("/").location()).endsWith("/login");
    }
}
