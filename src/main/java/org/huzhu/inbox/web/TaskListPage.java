package org.huzhu.inbox.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.huzhu.inbox.AuditorTask;
import org.huzhu.inbox.AuditorTasks;
import org.huzhu.inbox.WorkFilter;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.Given;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.TextLimit;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.huzhu.workflow.AuditTask;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 待办任务: an auditor's task list, the same as {@code GET /api/tasks} (its filters, most urgent
 * first, pages without a total), each row leading to the claim page.
 */
@WorkbenchController
class TaskListPage {

    static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);

    /** A step one may narrow the list to: its key in the process and its name. */
    record Stage(String key, String label) {
    }

    /** What the list is narrowed to, as the filter form sent it, and the links to the pages beside it. */
    record Filter(String stage, String agency, String scheme, boolean urgentOnly, boolean assignedToMe,
                  boolean unassigned, int page, int size) {

        WorkFilter work() {
            return new WorkFilter(stage, agency, scheme, urgentOnly, assignedToMe, unassigned);
        }

        public String linkTo(int other) {
            return withFilter("/tasks").queryParam("page", other).queryParam("size", size).encode().toUriString();
        }

        /** The whole list with this filter as a file: {@code xlsx} or {@code csv}. */
        public String download(String format) {
            return withFilter("/api/tasks/" + format).encode().toUriString();
        }

        private UriComponentsBuilder withFilter(String path) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
            if (stage != null) {
                link.queryParam("stage", stage);
            }
            if (agency != null) {
                link.queryParam("agency", agency);
            }
            if (scheme != null) {
                link.queryParam("scheme", scheme);
            }
            if (urgentOnly) {
                link.queryParam("urgentOnly", true);
            }
            if (assignedToMe) {
                link.queryParam("assignedToMe", true);
            }
            if (unassigned) {
                link.queryParam("unassigned", true);
            }
            return link;
        }
    }

    private final AuditorTasks tasks;
    private final RuleSets ruleSets;
    private final TaskRows rows;

    TaskListPage(AuditorTasks tasks, RuleSets ruleSets, TaskRows rows) {
        this.tasks = tasks;
        this.ruleSets = ruleSets;
        this.rows = rows;
    }

    @GetMapping("/tasks")
    String tasks(@AuthenticationPrincipal Staff staff, @RequestParam(required = false) String stage,
                 @RequestParam(required = false) String agency, @RequestParam(required = false) String scheme,
                 @RequestParam(defaultValue = "false") boolean urgentOnly,
                 @RequestParam(defaultValue = "false") boolean assignedToMe,
                 @RequestParam(defaultValue = "false") boolean unassigned,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        Filter filter = new Filter(Given.text(stage), Given.text(agency), Given.text(scheme), urgentOnly, assignedToMe, unassigned,
                page, size);
        model.addAttribute("filter", filter);
        model.addAttribute("stages", Arrays.stream(AuditTask.values()).map(task -> new Stage(task.taskDefinitionKey(),
                task.label())).toList());
        model.addAttribute("schemes", ruleSets.schemes());
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("crumbs", List.of(Crumb.here("待办任务")));
        List<AuditorTask> found = List.of();
        try {
            if (filter.agency() != null && filter.agency().length() > TextLimit.DEFAULT) {
                throw new InvalidInputException(List.of(FieldProblem.tooLong("agency", TextLimit.DEFAULT)));
            }
            found = tasks.openTasks(staff, filter.work(), page, size);
        } catch (InvalidInputException invalid) {
            model.addAttribute("errors", invalid.problems().stream()
                    .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + "；" + b)));
        }
        // one row more than a page was read: it says that another page follows
        boolean more = !found.isEmpty() && found.size() > size;
        List<AuditorTask> shown = more ? found.subList(0, size) : found;
        model.addAttribute("rows", rows.of(shown));
        model.addAttribute("more", more);
        if (!shown.isEmpty()) {
            // the files hold the whole list, so they are offered only while it fits in one; a
            // list of one page fits, and only a longer one is counted
            model.addAttribute("exportable", !more || tasks.countOpen(staff, filter.work(), Spreadsheet.ROW_LIMIT + 1)
                    <= Spreadsheet.ROW_LIMIT);
        }
        return "inbox/tasks";
    }
}
