package org.huzhu.security;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.huzhu.audit.AuditTrail;
import org.huzhu.support.WebappSession;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.huzhu.support.Api.require;

/**
 * Only the checked revision API deploys for process admins: the engine itself refuses them,
 * whatever the path, because nobody holds CREATE on deployments; system administrators keep
 * the engine's own endpoints as a break-glass path, recorded in the audit trail.
 */
@HuzhuIntegrationTest
class EngineDeploymentsTest {

    static final String HARMLESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         targetNamespace="urn:huzhu:test">
              <process id="break-glass-test" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="start"/>
              </process>
            </definitions>
            """;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repository;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void processAdmin() {
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
    }

    @Test
    void theEngineRefusesAProcessAdminsDeployment() {
        long deployments = repository.createDeploymentQuery().count();
        identityService.setAuthentication("padmin", List.of(Role.PROCESS_ADMIN.groupId()));
        try {
            assertThatThrownBy(() -> repository.createDeployment().name("padmin-direct")
                    .addString("direct.bpmn", HARMLESS).deploy()).isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(authorizations.isUserAuthorized("padmin", List.of(Role.PROCESS_ADMIN.groupId()),
                Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
        assertThat(authorizations.isUserAuthorized("padmin", List.of(Role.PROCESS_ADMIN.groupId()),
                Permissions.READ, Resources.DEPLOYMENT)).isTrue();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void nobodyHoldsDeploymentCreateAndTheEngineRefusesToGrantIt() {
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT).list())
                .isNotEmpty().noneMatch(OnlyAdministratorsDeploy::grantsDeploymentCreate);

        for (var permission : List.of(Permissions.CREATE, Permissions.ALL)) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setUserId("padmin");
            grant.setResource(Resources.DEPLOYMENT);
            grant.setResourceId(Authorization.ANY);
            grant.addPermission(permission);
            assertThatThrownBy(() -> authorizations.saveAuthorization(grant)).isInstanceOf(BadUserRequestException.class);
        }
        Authorization processAdmins = authorizations.createAuthorizationQuery().groupIdIn(Role.PROCESS_ADMIN.groupId())
                .resourceType(Resources.DEPLOYMENT).singleResult();
        processAdmins.addPermission(Permissions.CREATE);
        assertThatThrownBy(() -> authorizations.saveAuthorization(processAdmins)).isInstanceOf(BadUserRequestException.class);
        assertThat(authorizations.isUserAuthorized("padmin", List.of(Role.PROCESS_ADMIN.groupId()),
                Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    }

    @Test
    void theSystemAdministratorsBreakGlassDeploymentsAreInTheAuditTrail() throws Exception {
        JsonNode rest = require(Uploads.engineDeployment(this.rest, "admin", "/engine-rest/engine/default/deployment/create",
                "break-glass.bpmn", HARMLESS), 200).body();
        WebappSession cockpit = WebappSession.signIn(port, "admin", "cockpit");
        WebappSession.Answer webapp = cockpit.postMultipart("/camunda/api/engine/engine/default/deployment/create",
                java.util.Map.of("deployment-name", "break-glass-webapp"), "break-glass-webapp.bpmn", HARMLESS);
        assertThat(webapp.status()).as(webapp.body()).isEqualTo(200);
        String webappId = new ObjectMapper().readTree(webapp.body()).get("id").asText();

        for (String id : List.of(rest.get("id").asText(), webappId)) {
            assertThat(audit.ofSubject("DEPLOYMENT", id)).singleElement().satisfies(entry -> {
                assertThat(entry.actor()).isEqualTo("admin");
                assertThat(entry.action()).isEqualTo("ENGINE_DEPLOYMENT");
            });
            repository.deleteDeployment(id, true);
        }
    }
}
