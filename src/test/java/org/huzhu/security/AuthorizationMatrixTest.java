package org.huzhu.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.huzhu.support.WebappSession;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Every role against every endpoint of ours and a sample of /engine-rest: the allowed get past
 * security (bodies are left invalid where a call would change something, so they answer 400),
 * the others get 403, and nobody gets in anonymously.
 */
@HuzhuIntegrationTest
class AuthorizationMatrixTest {

    static final List<String> USERS = List.of("clerk", "agency", "agency-b", "league", "head", "committee",
            "supervisor", "padmin", "admin");
    static final Set<String> EVERYONE = Set.copyOf(USERS);
    static final Set<String> READ_CLAIM_A = Set.of("clerk", "agency", "league", "head", "committee", "supervisor", "admin");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityBootstrap identities;

    record Call(HttpMethod method, String path, Object body, Set<String> allowed) {
    }

    @Test
    void everyRoleReachesExactlyItsOwnWork() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        String task = api.taskOf("agency", claim);
        String year = Integer.toString(java.time.LocalDate.now().getYear());

        List<Call> calls = List.of(
                new Call(HttpMethod.POST, "/api/claims", Map.of(), Set.of("clerk", "admin")),
                new Call(HttpMethod.GET, "/api/claims/" + claim, null, READ_CLAIM_A),
                new Call(HttpMethod.GET, "/api/claims/" + claim + "/audit", null, READ_CLAIM_A),
                new Call(HttpMethod.GET, "/api/claims/" + claim + "/personal-data", null,
                        Set.of("clerk", "agency", "league", "head", "admin")),
                new Call(HttpMethod.POST, "/api/claims/" + claim + "/supplements", Map.of("documents", List.of()),
                        Set.of("clerk", "admin")),
                new Call(HttpMethod.GET, "/api/tasks", null, EVERYONE),
                new Call(HttpMethod.POST, "/api/tasks/" + task + "/decision", Map.of("outcome", "MAYBE"), Set.of("agency")),
                new Call(HttpMethod.POST, "/api/tasks/" + task + "/assignee", Map.of(), Set.of("supervisor", "admin")),
                new Call(HttpMethod.POST, "/api/units", Map.of(), Set.of("clerk", "admin")),
                new Call(HttpMethod.GET, "/api/units/DEMO-U1", null,
                        Set.of("clerk", "agency", "league", "head", "supervisor", "admin")),
                new Call(HttpMethod.POST, "/api/members", Map.of(), Set.of("clerk", "admin")),
                new Call(HttpMethod.POST, "/api/enrolments", Map.of(), Set.of("clerk", "admin")),
                new Call(HttpMethod.GET, "/api/users", null, Set.of("admin")),
                new Call(HttpMethod.POST, "/api/users", Map.of(), Set.of("admin")),
                new Call(HttpMethod.GET, "/api/users/me", null, EVERYONE),
                new Call(HttpMethod.GET, "/api/audit?actor=clerk", null, Set.of("clerk", "supervisor", "admin")),
                new Call(HttpMethod.GET, "/api/schemes", null, Set.of("padmin", "admin")),
                new Call(HttpMethod.POST, "/api/schemes/INPATIENT/rule-sets", Map.of(), Set.of("padmin", "admin")),
                new Call(HttpMethod.POST, "/api/subsidy/quote", Map.of(),
                        Set.of("clerk", "agency", "agency-b", "league", "head", "admin")),
                new Call(HttpMethod.GET, "/api/calendar/" + year, null, EVERYONE),
                new Call(HttpMethod.PUT, "/api/calendar/" + year, Map.of(), Set.of("padmin", "admin")),
                new Call(HttpMethod.GET, "/api/sla/overview", null, Set.of("supervisor", "admin")),
                new Call(HttpMethod.GET, "/sla/index.html", null, Set.of("supervisor", "admin")),
                new Call(HttpMethod.GET, "/actuator/prometheus", null, Set.of("supervisor", "admin")),
                new Call(HttpMethod.POST, "/api/claims/" + claim + "/bank-account", Map.of(), Set.of("clerk", "admin")),
                new Call(HttpMethod.POST, "/api/fund/contributions", Map.of(), Set.of("admin")),
                new Call(HttpMethod.GET, "/api/fund/balance?scheme=INPATIENT&schemeYear=2025", null, Set.of("supervisor", "admin")),
                new Call(HttpMethod.GET, "/api/payout/reconciliation?day=" + java.time.LocalDate.now(), null,
                        Set.of("supervisor", "admin")),
                new Call(HttpMethod.GET, "/api/admin/deployments", null, Set.of("padmin", "admin")),
                new Call(HttpMethod.GET, "/api/admin/process-versions", null, Set.of("padmin", "admin")),
                new Call(HttpMethod.POST, "/api/admin/migrations", Map.of("processKey", "no-such-process"), Set.of("padmin", "admin")),
                new Call(HttpMethod.GET, "/api/admin/simulated-bank/closed-accounts", null, Set.of("admin")),
                new Call(HttpMethod.POST, "/api/admin/simulated-bank/accounts/close", Map.of(), Set.of("admin")),
                new Call(HttpMethod.POST, "/api/admin/simulated-bank/accounts/reopen", Map.of(), Set.of("admin")),
                new Call(HttpMethod.GET, "/engine-rest/process-definition/count", null, Set.of("padmin", "admin")),
                new Call(HttpMethod.GET, "/engine-rest/task?maxResults=5", null, Set.of("padmin", "admin")),
                new Call(HttpMethod.GET, "/engine-rest/user", null, Set.of("padmin", "admin")));

        assertThat(wrongAnswers(api, calls)).isEmpty();
    }

    /** The answers that let in someone not allowed, or keep out someone allowed, or anyone anonymous. */
    static List<String> wrongAnswers(Api api, List<Call> calls) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            int anonymous = api.exchange(null, call.method(), call.path(), call.body()).status();
            if (anonymous != 401) {
                wrong.add("anonymous " + call.method() + " " + call.path() + " -> " + anonymous);
            }
            for (String user : USERS) {
                judge(wrong, user, call.method() + " " + call.path(), call.allowed().contains(user),
                        api.exchange(user, call.method(), call.path(), call.body()).status());
            }
        }
        return wrong;
    }

    static void judge(List<String> wrong, String user, String call, boolean allowed, int status) {
        if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
            wrong.add(user + " " + call + " -> " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
        }
    }

    // Issue 12: the engine's deployment endpoints in every spelling, the Admin webapp's setup, the actuator.

    /** The engine's deployment/create under each name: the engine's authorizations decide, not the spelling. */
    static final List<String> ENGINE_DEPLOYMENT_CREATE = List.of("/engine-rest/deployment/create",
            "/engine-rest/engine/default/deployment/create", "/camunda/api/engine/engine/default/deployment/create");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;

    @Test
    void onlyTheSystemAdministratorDeploysThroughTheEngineNobodyRunsTheSetupAndAdminsReadTheActuator() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        long deployments = repository.createDeploymentQuery().count();
        List<String> wrong = wrongAnswers(api, List.of(
                new Call(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create", Map.of(), Set.of()),
                new Call(HttpMethod.GET, "/actuator", null, Set.of("admin")),
                new Call(HttpMethod.GET, "/actuator/info", null, Set.of("admin")),
                // not exposed today: admins get 404, everyone else is refused before that
                new Call(HttpMethod.GET, "/actuator/env", null, Set.of("admin")),
                new Call(HttpMethod.GET, "/actuator/prometheus", null, Set.of("supervisor", "admin"))));
        // Process admins deploy through Huzhu's checks; the engine deploys for system admins only. The
        // upload never parses, so whoever gets past answers 400 and nothing is deployed.
        for (String path : ENGINE_DEPLOYMENT_CREATE) {
            boolean webapp = path.startsWith("/camunda/");
            int anonymous = deploy(webapp ? WebappSession.anonymous(port) : null, null, path);
            // the webapps refuse a POST without a session by its missing CSRF token (403) or sign-in (401)
            if (anonymous != 401 && !(webapp && anonymous == 403)) {
                wrong.add("anonymous POST " + path + " -> " + anonymous);
            }
            for (String user : USERS) {
                int status = deploy(webapp ? WebappSession.signIn(port, user, "tasklist") : null, user, path);
                judge(wrong, user, "POST " + path, user.equals("admin"), status);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    /**
     * Tasklist's API as every role: nobody, whatever the engine lets them touch, hands a DEMO-A
     * task to DEMO-B's auditor, and that auditor never reads the task's values.
     */
    @Test
    void inTasklistNobodyHandsATaskToAnotherAgency() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        String task = api.taskOf("agency", claim);
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            int status = WebappSession.signIn(port, user, "tasklist")
                    .enginePost("/task/" + task + "/assignee", Map.of("userId", "agency-b")).status();
            if (status != 403 && status != 404) {
                wrong.add(user + " hands the DEMO-A task to agency-b in Tasklist -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(WebappSession.signIn(port, "agency-b", "tasklist").engineGet("/task/" + task + "/variables").status())
                .isIn(403, 404);
        assertThat(api.taskOf("agency", claim)).isEqualTo(task);
    }

    /** Through the webapp session when there is one, else over HTTP Basic as the user. */
    private int deploy(WebappSession session, String user, String path) {
        return session == null ? Uploads.engineDeployment(rest, user, path, "matrix.bpmn", Uploads.BROKEN_BPMN).status()
                : session.postMultipart(path, Map.of("deployment-name", "matrix"), "matrix.bpmn", Uploads.BROKEN_BPMN).status();
    }

    @Test
    void onlyHealthAndTheWebappsLoginAreAnonymous() {
        Api api = new Api(rest);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(api.get(null, "/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(api.get(null, "/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
        assertThat(api.get(null, "/camunda/api/admin/setup/default/user/create").status()).isIn(401, 403, 404, 405);
        assertThat(api.get("clerk", "/api/does-not-exist").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/does-not-exist").status()).isEqualTo(401);
    }
}
