package org.huzhu.security;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * camunda-admin is never empty, so the Admin webapp's first-run setup never applies: the engine
 * keeps its last member and the setup API is closed anyway (ProductionStartTest: a production start
 * without an administrator refuses to run).
 */
@HuzhuIntegrationTest
class AdministratorsTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theEngineKeepsTheLastSystemAdministrator() {
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .extracting(u -> u.getId()).containsExactly("admin");
        assertThatThrownBy(() -> identityService.deleteMembership("admin", Groups.CAMUNDA_ADMIN))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("最后一位系统管理员");
        assertThatThrownBy(() -> identityService.deleteUser("admin")).isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> identityService.deleteGroup(Groups.CAMUNDA_ADMIN)).isInstanceOf(BadUserRequestException.class);
        Api api = new Api(rest);
        assertThat(api.exchange("admin", org.springframework.http.HttpMethod.DELETE,
                "/engine-rest/group/" + Groups.CAMUNDA_ADMIN + "/members/admin", null).status()).isEqualTo(400);
        assertThat(api.exchange("admin", org.springframework.http.HttpMethod.DELETE, "/engine-rest/user/admin", null)
                .status()).isEqualTo(400);

        // With a second one, either may go.
        identities.ensureUser("admin-2", "第二位", "管理员", "demo", List.of(Groups.CAMUNDA_ADMIN));
        identityService.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
        assertThatThrownBy(() -> identityService.deleteUser("admin-2")).isInstanceOf(BadUserRequestException.class);
        identityService.createMembership("admin", Groups.CAMUNDA_ADMIN);
        identityService.deleteUser("admin-2");
        assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
                .extracting(u -> u.getId()).containsExactly("admin");
        assertThat(identityService.createUserQuery().userId("admin").count()).isOne();
    }

    @Test
    void theAdminWebappsSetupIsClosedToEveryone() {
        Api api = new Api(rest);
        for (String user : new String[] {null, "admin", "clerk"}) {
            assertThat(api.post(user, "/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").status())
                    .isEqualTo(user == null ? 401 : 403);
        }
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }
}
