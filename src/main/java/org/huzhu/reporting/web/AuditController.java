package org.huzhu.reporting.web;

import java.util.List;

import org.huzhu.audit.AuditEntry;
import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.DomainException;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /** What one person did, newest first: supervisors and administrators, or the person themselves. */
    @GetMapping
    List<AuditEntry> byActor(@RequestParam String actor, @RequestParam(defaultValue = "200") int limit,
                             @AuthenticationPrincipal Staff staff) {
        if (!staff.userId().equals(actor) && !staff.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("AUDIT_NOT_ALLOWED", "无权查看他人的操作记录");
        }
        return audit.byActor(actor, Math.max(1, Math.min(limit, 1000)));
    }
}
