package org.huzhu.bench;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.Statements;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The peer a union would have chosen instead of Huzhu: stock Camunda driven through its REST
 * API, signed in with HTTP Basic and the engine's authorization checks on. The bare process
 * (deployed by {@link BareEngine}) is started, its two tasks fetched and completed over
 * {@code /engine-rest}, the asynchronous step left to the job executor. The caller is a
 * process administrator, the one role besides system administrators that Huzhu lets onto
 * {@code /engine-rest}: not in camunda-admin, so the engine checks its grants (the role's, on
 * process definitions, instances and tasks) on every call.
 */
final class StockRest {

    static final String USER = "bench-rest";

    private final Http http;
    private final Statements statements;
    /** The bench's engine by its name: the unnamed paths are the engine "default"'s. */
    private final String engine;

    StockRest(ApplicationContext app, Http http, Statements statements) {
        this.http = http;
        this.statements = statements;
        this.engine = "/engine-rest/engine/" + app.getBean(ProcessEngine.class).getName();
        app.getBean(IdentityBootstrap.class).ensureUser(USER, "压测", "流程管理员", Http.PASSWORD,
                List.of(Role.PROCESS_ADMIN.groupId()));
        requireAuthorizationChecks(app.getBean(JdbcClient.class));
    }

    /** The caller holds no grant on authorizations, so with checks on it sees none of the many there are. */
    private void requireAuthorizationChecks(JdbcClient jdbc) {
        long held = jdbc.sql("select count(*) from act_ru_authorization").query(Long.class).single();
        long seen = http.get(USER, engine + "/authorization/count").get("count").asLong();
        if (held == 0 || seen != 0) {
            throw new IllegalStateException("the engine does not check " + USER + "'s authorizations: it sees "
                    + seen + " of " + held + " authorizations");
        }
    }

    double instancesPerSecond(int workers, int instances) {
        return Workers.perSecond(workers, instances, worker -> oneInstance());
    }

    void oneInstance() {
        statements.step(Lifecycle.Step.SUBMIT.label());
        String id = http.post(USER, engine + "/process-definition/key/" + BareEngine.KEY + "/start", Map.of(), 200)
                .get("id").asText();
        for (Lifecycle.Step audit : List.of(Lifecycle.Step.AGENCY_DECISION, Lifecycle.Step.LEAGUE_DECISION)) {
            statements.step(audit.label());
            String task = http.get(USER, engine + "/task?processInstanceId=" + id).get(0).get("id").asText();
            http.post(USER, engine + "/task/" + task + "/complete", Map.of(), 204);
        }
        // the job executor's statements count towards the payout; the polling does not count
        statements.step(null);
        Workers.await("instance " + id + " ended", () -> http.get(USER,
                engine + "/process-instance/count?processInstanceIds=" + id).get("count").asLong() == 0);
    }
}
