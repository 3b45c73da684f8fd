package org.huzhu.security.web;

import java.nio.file.Path;
import java.util.Map;

import org.huzhu.support.BrowserScript;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A system administrator creates a staff account and changes its roles in a real headless Chromium. */
@HuzhuIntegrationTest
class StaffAccountsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminCreatesAnAccountAndChangesItsRoles() throws Exception {
        String user = "wb-" + TestIds.code("b").toLowerCase();
        String output = BrowserScript.run("workbench-admin.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                "NEW_USER", user, "SCREENSHOTS", Path.of("target").toAbsolutePath().toString()));

        assertThat(line(output, "forgotten agency: ")).contains("代办点角色须指定代办点");
        assertThat(line(output, "created: ")).contains("账号已创建");
        assertThat(output).contains("roles: 受理员（DEMO-A）");
        assertThat(line(output, "changed: ")).contains("角色已更改");
        assertThat(output).contains("roles: 代办点审核员（DEMO-B）、财务人员");
        assertThat(line(output, "listed: ")).contains(user, "孙丽", "代办点审核员（DEMO-B）、财务人员", "正常");

        assertThat(jdbc.sql("select group_id_ from public.act_id_membership where user_id_ = :user order by group_id_")
                .param("user", user).query(String.class).list())
                .containsExactly("agency-auditor", "agency-auditor-DEMO-B", "finance");
        assertThat(jdbc.sql("select first_ from public.act_id_user where id_ = :user").param("user", user)
                .query(String.class).single()).isEqualTo("孙丽");
        assertThat(jdbc.sql("select count(*) from audit_event where subject_id = :user and action in ('USER_CREATED', 'USER_ROLES_CHANGED')")
                .param("user", user).query(Long.class).single()).isEqualTo(2);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output));
    }
}
