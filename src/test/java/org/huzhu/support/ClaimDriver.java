package org.huzhu.support;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Drives claims through the API as the counter and the auditors would, finding each task by the claim's process. */
public record ClaimDriver(Api api, TaskService taskService, ManagementService management, JdbcClient jdbc) {

    /** Who approves each check the approval routing may add after the league audit. */
    private static final Map<String, String> ROUTED_CHECKS = Map.of("SecondAudit", "league-b",
            "LeagueHeadApproval", "head", "CommitteeReview", "committee");

    public long submit(String member, String eligibleBase) {
        return require(api.post("clerk", "/api/claims", ClaimRequests.claim(member, eligibleBase)), 201)
                .body().get("id").asLong();
    }

    public Task openTask(long claimId) {
        return taskService.createTaskQuery().processInstanceId(processOf(claimId)).singleResult();
    }

    public void decide(String user, long claimId, String step, String outcome) {
        decide(user, claimId, step, outcome, null);
    }

    public void decide(String user, long claimId, String step, String outcome, String reason) {
        Task task = openTask(claimId);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(step);
        require(decision(user, task, outcome, reason), 200);
    }

    public Api.Answer decision(String user, Task task, String outcome) {
        return decision(user, task, outcome, null);
    }

    /** Decides the task through the API; a rejection is filed under 其他 (OTHER). */
    public Api.Answer decision(String user, Task task, String outcome, String reason) {
        return api.post(user, "/api/tasks/" + task.getId() + "/decision",
                Api.decision(outcome, "REJECT".equals(outcome) ? "OTHER" : null, reason));
    }

    public void pay(long claimId) {
        Jobs.runDue(management, processOf(claimId));
        assertThat(status(claimId)).isEqualTo("PAID");
        assertThat(payments(claimId)).isEqualTo(1);
    }

    public String status(long claimId) {
        return jdbc.sql("select status from claim where id = :id").param("id", claimId).query(String.class).single();
    }

    public long payments(long claimId) {
        return jdbc.sql("select count(*) from payment where claim_id = :id").param("id", claimId)
                .query(Long.class).single();
    }

    /** The checks that decided the claim, in order. */
    public List<String> decidedSteps(long claimId) {
        return jdbc.sql("""
                        select step from claim_event where claim_id = :id and decision is not null and step <> 'PRE_CHECK'
                        order by id""")
                .param("id", claimId).query(String.class).list();
    }

    public String processOf(long claimId) {
        return jdbc.sql("select process_instance_id from claim where id = :id").param("id", claimId)
                .query(String.class).single();
    }

    /** Approves every check the approval routing added after the league audit, each by its demo approver. */
    public void approveRoutedChecks(long claimId) {
        for (Task task = openTask(claimId); task != null && ROUTED_CHECKS.containsKey(task.getTaskDefinitionKey());
             task = openTask(claimId)) {
            require(decision(ROUTED_CHECKS.get(task.getTaskDefinitionKey()), task, "APPROVE"), 200);
        }
    }
}
