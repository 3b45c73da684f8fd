package org.huzhu.inbox.web;

import java.util.List;

import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.platform.Given;
import org.huzhu.platform.TextLimit;
import org.huzhu.security.Staff;
import org.huzhu.inbox.AuditorTask;
import org.huzhu.inbox.AuditorTasks;
import org.huzhu.inbox.WorkFilter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final AuditorTasks tasks;
    private final TaskRows rows;

    TaskController(AuditorTasks tasks, TaskRows rows) {
        this.tasks = tasks;
        this.rows = rows;
    }

    /**
     * The caller's open tasks, most urgent first, then the oldest. No total is counted: the
     * header {@code X-Has-More} says whether another page follows.
     */
    @GetMapping
    ResponseEntity<List<AuditorTask>> openTasks(@AuthenticationPrincipal Staff staff,
                                                @RequestParam(required = false) String stage,
                                                @RequestParam(required = false) String agency,
                                                @RequestParam(required = false) String scheme,
                                                @RequestParam(defaultValue = "false") boolean urgentOnly,
                                                @RequestParam(defaultValue = "false") boolean assignedToMe,
                                                @RequestParam(defaultValue = "false") boolean unassigned,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size) {
        List<AuditorTask> rows = tasks.openTasks(staff,
                new WorkFilter(stage, agency, scheme, urgentOnly, assignedToMe, unassigned), page, size);
        boolean more = rows.size() > size;
        return ResponseEntity.ok().header("X-Has-More", Boolean.toString(more))
                .body(more ? rows.subList(0, size) : rows);
    }

    /**
     * The whole list with the same filters as one file, {@code xlsx} or {@code csv} (UTF-8 with a
     * byte order mark): ID numbers masked, 400 {@code TOO_MANY_ROWS} beyond 20,000 tasks.
     */
    @GetMapping("/{format:xlsx|csv}")
    ResponseEntity<?> download(@PathVariable String format, @AuthenticationPrincipal Staff staff,
                               @RequestParam(required = false) String stage,
                               @RequestParam(required = false) String agency,
                               @RequestParam(required = false) String scheme,
                               @RequestParam(defaultValue = "false") boolean urgentOnly,
                               @RequestParam(defaultValue = "false") boolean assignedToMe,
                               @RequestParam(defaultValue = "false") boolean unassigned) {
        return rows.download(staff, new WorkFilter(Given.text(stage), Given.text(agency),
                Given.text(scheme), urgentOnly, assignedToMe, unassigned), format);
    }

    @PostMapping("/{taskId}/claim")
    ResponseEntity<Void> claim(@PathVariable String taskId, @AuthenticationPrincipal Staff staff) {
        tasks.claim(taskId, staff);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{taskId}/release")
    ResponseEntity<Void> release(@PathVariable String taskId, @AuthenticationPrincipal Staff staff) {
        tasks.release(taskId, staff);
        return ResponseEntity.noContent().build();
    }

    record Reassignment(String userId, @TextLimit(500) String reason) {
    }

    @PostMapping("/{taskId}/assignee")
    ResponseEntity<Void> reassign(@PathVariable String taskId, @RequestBody Reassignment reassignment,
                                  @AuthenticationPrincipal Staff staff) {
        tasks.reassign(taskId, reassignment.userId(), reassignment.reason(), staff);
        return ResponseEntity.noContent().build();
    }

    /** A rejection names its category (RejectionCategory), e.g. {@code NOT_COVERED}. */
    record DecisionRequest(String outcome, String rejectionCategory, @TextLimit(500) String reason) {
    }

    record DecisionResult(String taskId, long claimId, ClaimStatus claimStatus) {
    }

    /** Answers where the claim stands after the decision. */
    @PostMapping("/{taskId}/decision")
    DecisionResult decide(@PathVariable String taskId, @RequestBody DecisionRequest decision,
                          @AuthenticationPrincipal Staff staff) {
        ClaimSummary claim = tasks.decide(taskId, staff, decision.outcome(), decision.rejectionCategory(),
                decision.reason());
        return new DecisionResult(taskId, claim.claimId(), claim.status());
    }
}
