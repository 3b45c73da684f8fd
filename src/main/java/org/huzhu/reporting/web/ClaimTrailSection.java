package org.huzhu.reporting.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.huzhu.audit.AuditEntry;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimEvent;
import org.huzhu.claim.ClaimPageSection;
import org.huzhu.reporting.AuditHistory;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.springframework.stereotype.Component;

/**
 * The claim page's 操作记录: the claim's history merged with the audit trail around it, as
 * {@code GET /api/claims/{id}/audit} gives it, in words and with people's names.
 */
@Component
class ClaimTrailSection implements ClaimPageSection {

    /** What the audit trail records about a claim beside its own history. */
    private static final Map<String, String> ACTIONS = Map.of(
            "TASK_CLAIMED", "认领任务",
            "TASK_RELEASED", "释放任务",
            "TASK_REASSIGNED", "改派任务",
            "PERSONAL_DATA_VIEWED", "查看完整信息",
            "PAPER_VIEWED", "查看材料文件",
            "PAPER_DELETED", "按保存期限删除材料文件");

    record Part(List<Line> lines) {
    }

    record Line(AuditEntry entry, String who, String what) {
    }

    private final AuditHistory history;
    private final StaffDirectory directory;

    ClaimTrailSection(AuditHistory history, StaffDirectory directory) {
        this.history = history;
        this.directory = directory;
    }

    @Override
    public Place place() {
        return Place.TRAIL;
    }

    @Override
    public Optional<Section> sectionFor(Claim claim, Staff staff, Map<String, ?> carried) {
        List<AuditEntry> entries = history.ofClaim(claim.id());
        Map<String, String> names = directory.names(entries.stream().map(AuditEntry::actor).toList());
        return Optional.of(new Section("reporting/claim-trail", new Part(entries.stream()
                .map(entry -> new Line(entry, names.get(entry.actor()), what(entry.action()))).toList())));
    }

    /** An audit action in words; a step of the claim's history comes as {@code STEP} or {@code STEP:DECISION}. */
    private static String what(String action) {
        if (ACTIONS.containsKey(action)) {
            return ACTIONS.get(action);
        }
        int colon = action.indexOf(':');
        return colon < 0 ? ClaimEvent.describe(action, null)
                : ClaimEvent.describe(action.substring(0, colon), action.substring(colon + 1));
    }
}
