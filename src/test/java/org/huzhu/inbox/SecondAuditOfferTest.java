package org.huzhu.inbox;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.huzhu.support.WebappSession;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * The second audit is offered only to the league auditors who have not approved the claim in
 * this round: in our task list, in Tasklist's filters and by the engine's authorizations.
 */
@HuzhuIntegrationTest
class SecondAuditOfferTest extends ClaimProcessTest {

    @Autowired
    FilterService filterService;
    @Autowired
    TasklistFilters tasklistFilters;

    @Test
    void theAuditorWhoApprovedNeverSeesTheSecondAuditAndAnotherDecidesItInTasklist() {
        String member = api.enrolledMember();
        claims.submit(member, "2000.00");
        long id = claims.submit(member, "1500.00");
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        WebappSession league = WebappSession.signIn(port, "league", "tasklist");
        assertThat(taskIds(inFilter(league, "待审核申请"))).as("a task of the user's group")
                .contains(claims.openTask(id).getId());
        claims.decide("league", id, "LeagueAudit", "APPROVE");
        Task secondAudit = claims.openTask(id);
        assertThat(secondAudit.getTaskDefinitionKey()).isEqualTo("SecondAudit");
        List<IdentityLink> candidates = taskService.getIdentityLinksForTask(secondAudit.getId());
        assertThat(candidates).extracting(IdentityLink::getUserId).contains("league-b").doesNotContain("league");
        assertThat(candidates).extracting(IdentityLink::getGroupId).containsOnlyNulls();
        assertThat(jdbc.sql("select holder_group from claim_sla where claim_id = :id").param("id", id)
                .query(String.class).single()).as("still held by the group the BPMN names").isEqualTo("league-auditor");

        assertThat(taskIds(require(api.get("league", "/api/tasks"), 200).body())).doesNotContain(secondAudit.getId());
        assertThat(taskIds(require(api.get("league-b", "/api/tasks"), 200).body())).contains(secondAudit.getId());
        assertThat(taskIds(require(api.get("league-b", "/api/tasks?stage=SecondAudit&unassigned=true"), 200).body()))
                .contains(secondAudit.getId());
        assertThat(claims.decision("league", secondAudit, "APPROVE").status()).isEqualTo(403);

        WebappSession leagueB = WebappSession.signIn(port, "league-b", "tasklist");
        assertThat(taskIds(inFilter(league, "待审核申请"))).doesNotContain(secondAudit.getId());
        assertThat(league.engineGet("/task/" + secondAudit.getId()).status()).isIn(403, 404);
        assertThat(league.enginePost("/task/" + secondAudit.getId() + "/claim", Map.of("userId", "league")).status())
                .isEqualTo(403);
        assertThat(taskIds(inFilter(leagueB, "待审核申请"))).contains(secondAudit.getId());

        assertThat(leagueB.enginePost("/task/" + secondAudit.getId() + "/claim", Map.of("userId", "league-b")).status())
                .isEqualTo(204);
        assertThat(taskIds(inFilter(leagueB, "我的任务"))).contains(secondAudit.getId());
        WebappSession.Answer completed = leagueB.enginePost("/task/" + secondAudit.getId() + "/submit-form",
                Map.of("variables", Map.of("secondAuditOutcome", Map.of("value", "APPROVE"))));
        assertThat(completed.status()).as(String.valueOf(completed.json())).isEqualTo(204);
        claims.pay(id);
        assertThat(claims.decidedSteps(id)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT");
    }

    @Test
    void aSupervisorHandsTheSecondAuditOnlyToAnAuditorItIsOfferedTo() {
        String member = api.enrolledMember();
        claims.submit(member, "2000.00");
        long id = claims.submit(member, "1500.00");
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        claims.decide("league", id, "LeagueAudit", "APPROVE");
        Task secondAudit = claims.openTask(id);
        Api.Answer toDecider = api.post("supervisor", "/api/tasks/" + secondAudit.getId() + "/assignee",
                Map.of("userId", "league", "reason", "试图交回原审核员"));
        assertThat(toDecider.status()).isEqualTo(400);
        assertThat(Api.fieldCodes(toDecider)).containsExactly("userId:NOT_A_CANDIDATE");
        assertThat(api.post("supervisor", "/api/tasks/" + secondAudit.getId() + "/assignee",
                Map.of("userId", "league-b", "reason", "复核人手紧张")).status()).isEqualTo(204);
        assertThat(taskIds(require(api.get("league-b", "/api/tasks?assignedToMe=true"), 200).body()))
                .contains(secondAudit.getId());
        claims.decide("league-b", id, "SecondAudit", "APPROVE");
        assertThat(claims.decidedSteps(id)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT");
    }

    @Test
    void anOlderDatabasesGroupFilterIsBroughtUpToDateAtStart() {
        Filter filter = filterService.createFilterQuery().filterName("待审核申请").singleResult();
        TaskQuery current = filter.getQuery();
        filterService.saveFilter(filter.setQuery(taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc()));
        tasklistFilters.run(null);
        TaskQueryImpl updated = filterService.getFilter(filter.getId()).getQuery();
        assertThat(updated.getExpressions()).containsOnlyKeys("taskCandidateUser");
        assertThat(updated.getExpressions().get("taskCandidateUser").toString()).isEqualTo("${currentUser()}");
        assertThat(((TaskQueryImpl) current).getExpressions()).containsOnlyKeys("taskCandidateUser");
    }

    private static JsonNode inFilter(WebappSession session, String name) {
        JsonNode filters = session.engineGet("/filter?resourceType=Task").json();
        for (JsonNode filter : filters) {
            if (filter.get("name").asText().equals(name)) {
                WebappSession.Answer list = session.enginePost("/filter/" + filter.get("id").asText()
                        + "/list?firstResult=0&maxResults=200", Map.of());
                assertThat(list.status()).as(String.valueOf(list.json())).isEqualTo(200);
                return list.json();
            }
        }
        throw new AssertionError("no filter " + name + " in " + filters);
    }

    private static List<String> taskIds(JsonNode tasks) {
        return tasks.findValues(tasks.isEmpty() || tasks.get(0).has("taskId") ? "taskId" : "id").stream()
                .map(JsonNode::asText).toList();
    }
}
