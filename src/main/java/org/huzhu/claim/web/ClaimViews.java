package org.huzhu.claim.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimHistory;
import org.huzhu.claim.ClaimPayments;
import org.huzhu.claim.OpenWork;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.scheme.Expenses;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.springframework.stereotype.Component;

/** A claim as the API answers it and the claim page shows it: one view, personal data masked. */
@Component
class ClaimViews {

    private final ClaimHistory history;
    private final Members members;
    private final RuleSets ruleSets;
    private final SlaStatuses slaStatuses;
    private final ClaimPayments payments;
    private final OpenWork openWork;

    ClaimViews(ClaimHistory history, Members members, RuleSets ruleSets, SlaStatuses slaStatuses,
               ClaimPayments payments, OpenWork openWork) {
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.slaStatuses = slaStatuses;
        this.payments = payments;
        this.openWork = openWork;
    }

    ClaimView of(Claim claim) {
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
                claim.subsidy(), breakdown, claim.rejectionReason(), claim.rejectionCategory(), beijing(claim.submittedAt()),
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
