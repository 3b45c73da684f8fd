package org.huzhu.inbox.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.SlaState;
import org.huzhu.inbox.AuditorTask;
import org.huzhu.inbox.AuditorTasks;
import org.huzhu.inbox.WorkFilter;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.huzhu.workflow.AuditTask;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Task-list rows as people read them (the step and scheme in words, the holder by name, the
 * deadline), for the page and for the list's file alike.
 */
@Component
class TaskRows {

    /** A row as the list shows it. */
    record Row(AuditorTask task, String stage, String schemeName, String holder) {

        public String deadline() {
            if (task.slaDueDate() == null) {
                return "未开始计时";
            }
            return task.slaState() == SlaState.BREACHED ? "已超期"
                    : "剩余 " + task.slaWorkingDaysLeft() + " 个工作日";
        }
    }

    private final AuditorTasks tasks;
    private final RuleSets ruleSets;
    private final StaffDirectory directory;
    private final AuditTrail audit;

    TaskRows(AuditorTasks tasks, RuleSets ruleSets, StaffDirectory directory, AuditTrail audit) {
        this.tasks = tasks;
        this.ruleSets = ruleSets;
        this.directory = directory;
        this.audit = audit;
    }

    List<Row> of(List<AuditorTask> found) {
        Map<String, String> schemes = ruleSets.schemes().stream().collect(Collectors.toMap(Scheme::code, Scheme::name));
        Map<String, String> names = directory.names(found.stream().map(AuditorTask::assignee).filter(Objects::nonNull)
                .distinct().toList());
        return found.stream().map(task -> new Row(task,
                AuditTask.of(task.stage()).map(step -> step.stage().label()).orElse(task.name()),
                schemes.getOrDefault(task.scheme(), task.scheme()),
                task.assignee() == null ? null : names.get(task.assignee()))).toList();
    }

    /**
     * The caller's whole list with the filter as {@code 待办任务.xlsx} or {@code .csv}: ID numbers
     * masked as on the page; each download is recorded with its filter and size.
     */
    ResponseEntity<?> download(Staff staff, WorkFilter filter, String format) {
        List<Row> rows = of(tasks.allOpenTasks(staff, filter));
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("待办任务", List.of("申请编号", "环节", "会员", "身份证号（脱敏）", "险种",
                "代办点", "合规自付（元）", "补助（元）", "办理人", "收到时间", "支付期限", "期限情况", "督办"),
                rows.stream().map(TaskRows::cells).toList());
        ResponseEntity<?> file = Spreadsheet.download(format, "待办任务", sheet);
        audit.listExported(staff.userId(), "tasks", format, rows.size(), describe(filter));
        return file;
    }

    private static List<Object> cells(Row row) {
        AuditorTask task = row.task();
        return Arrays.asList(String.valueOf(task.claimId()), row.stage(), task.memberName(),
                task.memberIdNumberMasked(), row.schemeName(), task.agencyCode(), task.eligibleAmount(), task.subsidy(),
                row.holder() == null ? "待认领" : row.holder(),
                task.created() == null ? null : LocalDateTime.ofInstant(task.created().toInstant(), Beijing.ZONE),
                task.slaDueDate(), row.deadline(), task.urgent() ? "督办" : "");
    }

    private static String describe(WorkFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.stage() != null) {
            parts.add("环节 " + filter.stage());
        }
        if (filter.scheme() != null) {
            parts.add("险种 " + filter.scheme());
        }
        if (filter.agency() != null) {
            parts.add("代办点 " + filter.agency());
        }
        if (filter.unassigned()) {
            parts.add("待认领");
        }
        if (filter.assignedToMe()) {
            parts.add("我已认领");
        }
        if (filter.urgentOnly()) {
            parts.add("临期或超期");
        }
        return String.join("、", parts);
    }
}
