package org.huzhu.workflow.web;

import java.util.List;

import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.security.Staff;
import org.huzhu.workflow.AuditorTask;
import org.huzhu.workflow.AuditorTasks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final AuditorTasks tasks;

    TaskController(AuditorTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    List<AuditorTask> openTasks(@AuthenticationPrincipal Staff staff) {
        return tasks.openTasks(staff);
    }

    record DecisionRequest(String outcome, String reason) {
    }

    record DecisionResult(String taskId, long claimId, ClaimStatus claimStatus) {
    }

    /** Answers where the claim stands after the decision. */
    @PostMapping("/{taskId}/decision")
    DecisionResult decide(@PathVariable String taskId, @RequestBody DecisionRequest decision,
                          @AuthenticationPrincipal Staff staff) {
        ClaimSummary claim = tasks.decide(taskId, staff, decision.outcome(), decision.reason());
        return new DecisionResult(taskId, claim.claimId(), claim.status());
    }
}
