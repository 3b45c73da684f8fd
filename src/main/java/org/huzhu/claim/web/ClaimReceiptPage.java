package org.huzhu.claim.web;

import java.time.LocalDateTime;
import java.util.List;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.Claims;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.membership.Agency;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.Organisations;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The receipt (受理回执) the member takes home: the claim's number, the papers received and
 * still missing, and by when the subsidy is paid, in working days. Printable as it is.
 */
@WorkbenchController
class ClaimReceiptPage {

    /** What the receipt says of the payment deadline. */
    record Deadline(String text, String tone) {
    }

    private final Claims claims;
    private final ClaimAccess access;
    private final Members members;
    private final Organisations organisations;
    private final RuleSets ruleSets;
    private final SlaStatuses slaStatuses;
    private final StaffAccounts accounts;

    ClaimReceiptPage(Claims claims, ClaimAccess access, Members members, Organisations organisations,
                     RuleSets ruleSets, SlaStatuses slaStatuses, StaffAccounts accounts) {
        this.claims = claims;
        this.access = access;
        this.members = members;
        this.organisations = organisations;
        this.ruleSets = ruleSets;
        this.slaStatuses = slaStatuses;
        this.accounts = accounts;
    }

    @GetMapping("/intake/claims/{id}/receipt")
    String receipt(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        Claim claim = claims.get(id);
        access.requireRead(staff, claim);
        Member member = members.byId(claim.memberId());
        Agency agency = organisations.agency(claim.agencyId()).orElseThrow();
        Scheme scheme = ruleSets.scheme(claim.scheme()).orElseThrow();
        String clerk = claim.submittedOnline() ? "会员本人（线上快办）" : accounts.get(claim.submittedBy()).name();
        model.addAttribute("claim", claim);
        model.addAttribute("member", member);
        model.addAttribute("agency", agency);
        model.addAttribute("scheme", scheme);
        model.addAttribute("clerk", clerk.isBlank() ? claim.submittedBy() : clerk);
        model.addAttribute("submittedAt", LocalDateTime.ofInstant(claim.submittedAt(), Beijing.ZONE)
                .withSecond(0).withNano(0).toString().replace('T', ' '));
        model.addAttribute("received", claim.documents().stream().map(DocumentKind::label).toList());
        model.addAttribute("missing", SupplementPages.labels(claim.missingDocuments()));
        model.addAttribute("deadline", deadline(claim, member, scheme, slaStatuses.of(id)));
        model.addAttribute("crumbs", List.of(new Crumb("受理申请", "/intake/claims/new"), Crumb.here("受理回执")));
        return "claim/receipt";
    }

    private Deadline deadline(Claim claim, Member member, Scheme scheme, SlaStatus sla) {
        if (claim.status() == ClaimStatus.REJECTED) {
            return new Deadline("不予补助，无支付期限。", "alarm");
        }
        int days = ruleSets.inForce(claim.scheme(), member.organiserCode(), claim.facts().eventDate(scheme.benefitKind()))
                .map(RuleSet::definition).map(rules -> rules.paymentDeadlineWorkingDays()).orElse(10);
        String rule = "材料齐全之日起" + days + "个工作日内支付";
        return switch (sla.state()) {
            case NOT_STARTED -> new Deadline(rule + "；补齐材料后开始计算。", "warning");
            case MET -> new Deadline(rule + "；已于 " + sla.dueDate() + " 前支付。", "ok");
            case BREACHED -> new Deadline(rule + "，即 " + sla.dueDate() + " 前；已超期" + sla.workingDaysOverdue()
                    + "个工作日。", "alarm");
            default -> new Deadline(rule + "，即 " + sla.dueDate() + " 前（还有" + sla.workingDaysLeft() + "个工作日）。", "ok");
        };
    }
}
