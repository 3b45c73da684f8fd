package org.huzhu.inbox.web;

import java.util.List;
import java.util.Optional;

import org.huzhu.claim.Decision;
import org.huzhu.inbox.AuditorTasks;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claim page's task forms: take, release, decide and hand over, through the same
 * {@link AuditorTasks} as the API. Each answers with the claim page again (post, redirect, get):
 * a notice when done, the problems at their fields with what was typed, or, when the task was
 * taken or decided meanwhile, a warning saying so. Sending a decision twice decides once: the
 * second finds the task done by the same person and reads as done.
 */
@WorkbenchController
@RequestMapping("/claims/{claimId}/tasks/{taskId}")
class ClaimTaskActions {

    private final AuditorTasks tasks;
    private final StaffDirectory directory;

    ClaimTaskActions(AuditorTasks tasks, StaffDirectory directory) {
        this.tasks = tasks;
        this.directory = directory;
    }

    @PostMapping("/claim")
    String take(@PathVariable long claimId, @PathVariable String taskId, @AuthenticationPrincipal Staff staff,
                RedirectAttributes flash) {
        return act(claimId, taskId, staff, flash, null, () -> {
            tasks.claim(taskId, staff);
            return "已认领此任务，请审核后提交结论。";
        });
    }

    @PostMapping("/release")
    String release(@PathVariable long claimId, @PathVariable String taskId, @AuthenticationPrincipal Staff staff,
                   RedirectAttributes flash) {
        return act(claimId, taskId, staff, flash, null, () -> {
            tasks.release(taskId, staff);
            return "已释放此任务，组内人员可以重新认领。";
        });
    }

    @PostMapping("/decision")
    String decide(@PathVariable long claimId, @PathVariable String taskId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String rejectionCategory, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal Staff staff, RedirectAttributes flash) {
        return act(claimId, taskId, staff, flash, TaskForm.decision(taskId, outcome, rejectionCategory, reason), () -> {
            tasks.decide(taskId, staff, outcome, rejectionCategory, reason);
            return "审核结论已提交：" + Decision.valueOf(outcome).label() + "。";
        });
    }

    @PostMapping("/assignee")
    String handOver(@PathVariable long claimId, @PathVariable String taskId, @RequestParam(required = false) String userId,
                    @RequestParam(required = false) String reason, @AuthenticationPrincipal Staff staff,
                    RedirectAttributes flash) {
        return act(claimId, taskId, staff, flash, TaskForm.handOver(taskId, userId, reason), () -> {
            tasks.reassign(taskId, userId, reason, staff);
            return "已改派给 " + directory.names(List.of(userId)).get(userId) + "。";
        });
    }

    /** What an action does and the notice it leaves when done. */
    private interface Action {
        String run();
    }

    private String act(long claimId, String taskId, Staff staff, RedirectAttributes flash, TaskForm form, Action action) {
        try {
            flash.addFlashAttribute("notice", action.run());
            return "redirect:/claims/" + claimId;
        } catch (InvalidInputException invalid) {
            if (form == null) {
                throw invalid;
            }
            flash.addFlashAttribute(TaskForm.CARRIED, form.refused(invalid.problems()));
            return "redirect:/claims/" + claimId + "#task-" + taskId;
        } catch (DomainException refused) {
            if (refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            stale(taskId, staff, refused, form != null && form.kind() == TaskForm.Kind.DECISION, flash);
            return "redirect:/claims/" + claimId;
        }
    }

    /** The task was taken, changed or done since the page was shown: say so, and show the page as it is now. */
    private void stale(String taskId, Staff staff, DomainException refused, boolean deciding, RedirectAttributes flash) {
        Optional<String> doneBy = tasks.completedBy(taskId);
        if (deciding && doneBy.filter(staff.userId()::equals).isPresent()) {
            flash.addFlashAttribute("notice", "此任务的审核结论已由您提交，未重复办理。");
        } else if (doneBy.isPresent()) {
            flash.addFlashAttribute("warning", "此任务已由 " + directory.names(List.of(doneBy.get())).get(doneBy.get())
                    + " 办结，页面已更新为最新情况。");
        } else if ("TASK_CLAIMED_BY_OTHER".equals(refused.code()) || "TASK_TAKEN".equals(refused.code())) {
            flash.addFlashAttribute("warning", "此任务刚被他人认领或处理，页面已更新为最新情况。");
        } else {
            flash.addFlashAttribute("warning", refused.getMessage());
        }
    }
}
