package org.huzhu.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.huzhu.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.require;

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
    @Autowired
    AuthorizationService authorizations;
    @LocalServerPort
    int port;

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

    /**
     * System administrators manage people and rights in Camunda Admin and /engine-rest, as
     * Camunda's own first-run setup would let them; an admin made through /api/users with that
     * role alone too. Process admins and supervisors, signed in to the same webapps, are refused,
     * and nobody, not even an admin, grants deployment CREATE there.
     */
    @Test
    void systemAdministratorsManagePeopleAndRightsInCamundaAdminAndNobodyElse() {
        String suffix = TestIds.code("ca").toLowerCase();
        String group = "group-" + suffix;
        String user = "user-" + suffix;
        String newAdmin = "admin-" + suffix;
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        Api api = new Api(rest);
        try {
            WebappSession admin = WebappSession.signIn(port, "admin", "admin");
            assertThat(admin.enginePost("/group/create", Map.of("id", group, "name", "测试组", "type", "TEST")).status())
                    .isEqualTo(204);
            assertThat(admin.enginePost("/user/create", Map.of("profile", Map.of("id", user, "firstName", "测", "lastName", "试"),
                    "credentials", Map.of("password", "a-long-password"))).status()).isEqualTo(204);
            assertThat(admin.enginePut("/group/" + group + "/members/" + user, Map.of()).status()).isEqualTo(204);
            WebappSession.Answer grant = admin.enginePost("/authorization/create", Map.of("type", Authorization.AUTH_TYPE_GRANT,
                    "permissions", List.of("ACCESS"), "groupId", group, "resourceType", Resources.APPLICATION.resourceType(),
                    "resourceId", "tasklist"));
            assertThat(grant.status()).as(grant.body()).isEqualTo(200);
            assertThat(admin.enginePost("/authorization/create", Map.of("type", Authorization.AUTH_TYPE_GRANT,
                    "permissions", List.of("CREATE"), "groupId", group, "resourceType", Resources.DEPLOYMENT.resourceType(),
                    "resourceId", Authorization.ANY)).status()).isEqualTo(400);
            assertThat(identityService.createUserQuery().memberOfGroup(group).list()).extracting(u -> u.getId())
                    .containsExactly(user);
            require(api.post("admin", "/engine-rest/group/create", Map.of("id", group + "-rest", "name", "测试组", "type", "TEST")), 204);

            require(api.post("admin", "/api/users", Map.of("id", newAdmin, "name", "新管理员", "password", "a-long-password",
                    "roles", List.of("admin"))), 201);
            assertThat(WebappSession.signIn(port, newAdmin, "a-long-password", "admin")
                    .enginePost("/group/create", Map.of("id", group + "-new", "name", "测试组", "type", "TEST")).status())
                    .isEqualTo(204);

            for (WebappSession other : List.of(WebappSession.signIn(port, "padmin", "admin"),
                    WebappSession.signIn(port, "supervisor", "cockpit"))) {
                assertThat(other.enginePost("/group/create", Map.of("id", group + "-x", "name", "x", "type", "TEST")).status())
                        .isEqualTo(403);
                assertThat(other.enginePut("/group/" + group + "/members/supervisor", Map.of()).status()).isEqualTo(403);
            }
            assertThat(api.post("padmin", "/engine-rest/user/create", Map.of("profile", Map.of("id", user + "-x"),
                    "credentials", Map.of("password", "a-long-password"))).status()).isEqualTo(403);
            assertThat(identityService.createGroupQuery().groupId(group + "-x").count()).isZero();
            assertThat(identityService.createUserQuery().userId(user + "-x").count()).isZero();
            assertThat(identityService.createUserQuery().memberOfGroup(group).count()).isOne();
            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).list())
                    .noneMatch(OnlyAdministratorsDeploy::grantsDeploymentCreate);
        } finally {
            authorizations.createAuthorizationQuery().groupIdIn(group).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
            for (String id : List.of(user, newAdmin)) {
                identityService.deleteUser(id);
            }
            for (String id : List.of(group, group + "-rest", group + "-new")) {
                identityService.deleteGroup(id);
            }
        }
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
