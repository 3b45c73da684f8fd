package org.huzhu.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.support.WebappSession;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A task goes only to one of its candidates, whoever hands it over and through whichever API:
 * the engine refuses the rest.
 */
@HuzhuIntegrationTest
class TaskAssignmentTest extends ClaimProcessTest {

    @Autowired
    IdentityService identityService;

    @Test
    void anAgencyAuditorCannotHandADemoATaskToAnotherAgency() {
        long id = claims.submit(api.enrolledMember(), "900.00");
        Task task = claims.openTask(id);
        WebappSession agency = WebappSession.signIn(port, "agency", "tasklist");
        WebappSession agencyB = WebappSession.signIn(port, "agency-b", "tasklist");
        assertThat(agency.engineGet("/task/" + task.getId() + "/variables").status()).isEqualTo(200);

        WebappSession.Answer handed = agency.enginePost("/task/" + task.getId() + "/assignee", Map.of("userId", "agency-b"));
        assertThat(handed.status()).as(String.valueOf(handed.json())).isEqualTo(403);
        assertThat(handed.json().get("message").asText()).contains("agency-b").contains("候选");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(agencyB.engineGet("/task/" + task.getId() + "/variables").status()).isIn(403, 404);
        assertThat(agencyB.engineGet("/task/" + task.getId()).status()).isIn(403, 404);

        // the engine's own REST API, even for the system administrator
        Api.Answer byRest = api.post("admin", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "agency-b"));
        assertThat(byRest.status()).as(String.valueOf(byRest.body())).isEqualTo(403);
        assertThat(api.post("agency", "/engine-rest/task/" + task.getId() + "/assignee", Map.of("userId", "agency-b"))
                .status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        // a candidate still takes it and gives it back
        assertThat(agency.enginePost("/task/" + task.getId() + "/claim", Map.of("userId", "agency")).status()).isEqualTo(204);
        assertThat(agency.enginePost("/task/" + task.getId() + "/unclaim", Map.of()).status()).isEqualTo(204);
        assertThat(agency.enginePost("/task/" + task.getId() + "/assignee", Map.of("userId", "agency")).status()).isEqualTo(204);
        Map<String, Object> nobody = new HashMap<>();
        nobody.put("userId", null);
        assertThat(agency.enginePost("/task/" + task.getId() + "/assignee", nobody).status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void aSupervisorHandsATaskToACandidateOnlyAndNeverToThemselves() {
        long id = claims.submit(api.enrolledMember(), "900.00");
        Task task = claims.openTask(id);
        WebappSession supervisor = WebappSession.signIn(port, "supervisor", "tasklist");
        WebappSession.Answer self = supervisor.enginePost("/task/" + task.getId() + "/assignee", Map.of("userId", "supervisor"));
        assertThat(self.status()).as(String.valueOf(self.json())).isEqualTo(403);
        identityService.setAuthentication("supervisor", List.of("supervisor"));
        try {
            assertThatThrownBy(() -> taskService.setAssignee(task.getId(), "supervisor"))
                    .hasMessageContaining("supervisor").hasMessageContaining("候选");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        assertThat(api.post("supervisor", "/api/tasks/" + task.getId() + "/assignee",
                Map.of("userId", "agency", "reason", "代办点审核员休假返回")).status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("agency");
        assertThat(api.get("agency", "/api/tasks?assignedToMe=true").body().findValues("taskId").toString())
                .contains(task.getId());
    }
}
