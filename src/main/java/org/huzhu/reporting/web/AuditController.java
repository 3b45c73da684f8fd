package org.huzhu.reporting.web;

import java.util.List;

import org.huzhu.audit.AuditEntry;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.Claims;
import org.huzhu.platform.DomainException;
import org.huzhu.reporting.AuditHistory;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merged audit trail, per person and per claim (the claim's URL stays under /api/claims). */
@RestController
class AuditController {

    private final AuditHistory audit;
    private final Claims claims;
    private final ClaimAccess access;

    AuditController(AuditHistory audit, Claims claims, ClaimAccess access) {
        this.audit = audit;
        this.claims = claims;
        this.access = access;
    }

    /** Everything that happened to the claim: its history and the audit trail around it. */
    @GetMapping("/api/claims/{id}/audit")
    List<AuditEntry> ofClaim(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        access.requireRead(staff, claims.get(id));
        return audit.ofClaim(id);
    }

    /** What one person did, newest first: supervisors and administrators, or the person themselves. */
    @GetMapping("/api/audit")
    List<AuditEntry> byActor(@RequestParam String actor, @RequestParam(defaultValue = "200") int limit,
                             @AuthenticationPrincipal Staff staff) {
        if (!staff.userId().equals(actor) && !staff.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("AUDIT_NOT_ALLOWED", "无权查看他人的操作记录");
        }
        return audit.byActor(actor, Math.max(1, Math.min(limit, 1000)));
    }
}
