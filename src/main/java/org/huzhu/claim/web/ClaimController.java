package org.huzhu.claim.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimHistory;
import org.huzhu.claim.ClaimIntake;
import org.huzhu.claim.ClaimPayments;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.claim.Claims;
import org.huzhu.claim.OpenWork;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.scheme.Expenses;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/claims")
class ClaimController {

    private final ClaimIntake intake;
    private final Claims claims;
    private final ClaimHistory history;
    private final ClaimAccess access;
    private final Members members;
    private final RuleSets ruleSets;
    private final AuditTrail audit;
    private final SlaStatuses slaStatuses;
    private final ClaimPayments payments;
    private final OpenWork openWork;

    ClaimController(ClaimIntake intake, Claims claims, ClaimHistory history, ClaimAccess access, Members members,
                    RuleSets ruleSets, AuditTrail audit, SlaStatuses slaStatuses, ClaimPayments payments,
                    OpenWork openWork) {
        this.payments = payments;
        this.openWork = openWork;
        this.audit = audit;
        this.intake = intake;
        this.claims = claims;
        this.history = history;
        this.access = access;
        this.members = members;
        this.ruleSets = ruleSets;
        this.slaStatuses = slaStatuses;
    }

    @PostMapping
    ResponseEntity<ClaimView> submit(@RequestBody ClaimSubmission submission, @AuthenticationPrincipal Staff staff) {
        Claim claim = intake.submit(submission, staff);
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(view(claim));
    }

    @GetMapping("/{id}")
    ClaimView claim(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        Claim claim = claims.get(id);
        access.requireRead(staff, claim);
        return view(claim);
    }

    record PersonalData(long claimId, String memberIdNumber, String bankAccountNumber, String bankAccountName) {
    }

    /** The full numbers, for those who need them; every read is in the audit trail. */
    @GetMapping("/{id}/personal-data")
    PersonalData personalData(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        Claim claim = claims.get(id);
        access.requirePersonalData(staff, claim);
        audit.record(staff.userId(), "PERSONAL_DATA_VIEWED", "CLAIM", Long.toString(id), id, null);
        return new PersonalData(id, members.byId(claim.memberId()).idNumber(), claim.bankAccount().accountNumber(),
                claim.bankAccount().accountName());
    }

    record SupplementRequest(List<String> documents) {
    }

    @PostMapping("/{id}/supplements")
    ClaimView supplements(@PathVariable long id, @RequestBody SupplementRequest request,
                          @AuthenticationPrincipal Staff staff) {
        return view(intake.addSupplements(id, request.documents(), staff));
    }

    private ClaimView view(Claim claim) {
        Member member = members.byId(claim.memberId());
        Expenses expenses = claim.expenses();
        ClaimView.BreakdownView breakdown = null;
        if (claim.breakdown() != null) {
            RuleSet rules = ruleSets.byId(claim.ruleSetId());
            breakdown = new ClaimView.BreakdownView(rules.id(), rules.version(), claim.schemeYear(), claim.breakdown());
        }
        SlaStatus sla = slaStatuses.of(claim.id());
        return new ClaimView(claim.id(), claim.status(), claim.scheme(), member.agencyCode(),
                new ClaimView.MemberView(member.name(), member.maskedIdNumber()),
                claim.admissionDate(), claim.dischargeDate(), claim.hospital(), claim.diagnosis(),
                claim.diagnosisCode(), claim.diagnosisDate(),
                expenses == null ? null : new ClaimView.ExpensesView(expenses.total(), expenses.policyScope(),
                        expenses.fundPaid(), expenses.criticalIllnessPaid(), expenses.medicalAssistancePaid()),
                claim.invoices().stream().map(i -> new ClaimView.InvoiceView(i.code(), i.number())).toList(),
                claim.documents().stream().map(Enum::name).sorted().toList(),
                claim.missingDocuments() == null ? List.of() : Arrays.asList(claim.missingDocuments().split(",")),
                new ClaimView.BankAccountView(claim.bankAccount().bankName(), claim.bankAccount().maskedNumber(),
                        claim.bankAccount().accountName(), !claim.bankAccount().passesLuhn()),
                claim.breakdown() == null && expenses != null ? expenses.eligibleBase() : claim.eligibleAmount(),
                claim.subsidy(), breakdown, claim.rejectionReason(), beijing(claim.submittedAt()),
                beijing(claim.materialsCompleteAt()), beijing(claim.paidAt()),
                history.of(claim.id()).stream().map(e -> new ClaimView.HistoryView(e.step(), e.actor(),
                        beijing(e.occurredAt()), e.decision(), e.reason())).toList(),
                sla.dueDate(), sla.state(), sla.workingDaysLeft(), sla.workingDaysOverdue(), sla.urgent(),
                sla.stages(), payments.of(claim.id()), openWork.openSteps(claim.id()));
    }

    private static OffsetDateTime beijing(Instant instant) {
        return instant == null ? null : instant.atZone(Beijing.ZONE).toOffsetDateTime();
    }
}
