package org.huzhu.inbox.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimPageSection;
import org.huzhu.inbox.AuditorTasks;
import org.huzhu.inbox.ClaimTask;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The claim page's 办理 section: the claim's open tasks for their candidates (take, decide,
 * release) and for supervisors (release, hand over), the decision panel with its field errors.
 */
@Component
class ClaimTasksSection implements ClaimPageSection {

    record Part(long claimId, List<Row> tasks, TaskForm form) {
    }

    /** A task with its holder's name and the people it may be handed to, by name. */
    record Row(ClaimTask task, String holder, List<Person> handOverTo) {
    }

    record Person(String userId, String name) {
    }

    private final AuditorTasks tasks;
    private final StaffDirectory directory;

    ClaimTasksSection(AuditorTasks tasks, StaffDirectory directory) {
        this.tasks = tasks;
        this.directory = directory;
    }

    @Override
    public Place place() {
        return Place.WORK;
    }

    @Override
    public Optional<Section> sectionFor(Claim claim, Staff staff, Map<String, ?> carried) {
        List<ClaimTask> open = tasks.ofClaim(claim.id(), staff);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<String> people = new ArrayList<>();
        open.forEach(task -> {
            if (task.assignee() != null) {
                people.add(task.assignee());
            }
            people.addAll(task.handOverTo());
        });
        Map<String, String> names = directory.names(people);
        List<Row> rows = open.stream().map(task -> new Row(task, task.assignee() == null ? null : names.get(task.assignee()),
                task.handOverTo().stream().map(id -> new Person(id, names.get(id))).toList())).toList();
        TaskForm form = carried.get(TaskForm.CARRIED) instanceof TaskForm sent ? sent : null;
        return Optional.of(new Section("inbox/claim-tasks", new Part(claim.id(), rows, form)));
    }
}
