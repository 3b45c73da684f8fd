package org.huzhu.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.Icd10;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Takes claims and supplements in at the counter and hands them to the process. */
@Service
public class ClaimIntake {

    private final Claims claims;
    private final ClaimHistory history;
    private final Members members;
    private final RuleSets ruleSets;
    private final ClaimAccess access;
    private final ClaimProcess process;
    private final MemberNotices notices;
    private final Clock clock;

    ClaimIntake(Claims claims, ClaimHistory history, Members members, RuleSets ruleSets, ClaimAccess access,
                ClaimProcess process, MemberNotices notices, Clock clock) {
        this.notices = notices;
        this.claims = claims;
        this.history = history;
        this.members = members;
        this.ruleSets = ruleSets;
        this.access = access;
        this.process = process;
        this.clock = clock;
    }

    /** Stores the claim and runs the pre-check; on any refusal nothing is stored. */
    @Transactional
    public Claim submit(ClaimSubmission submission, Staff clerk) {
        return submit(submission, clerk, null);
    }

    /**
     * As {@link #submit(ClaimSubmission, Staff)}; the same intake key sent again by the same clerk
     * (a double click, a retry) answers the claim it stands for, and nothing new is stored.
     */
    @Transactional
    public Claim submit(ClaimSubmission submission, Staff clerk, UUID intakeKey) {
        return submit(submission, clerk, intakeKey, Set.of(), claimId -> { });
    }

    /**
     * As {@link #submit(ClaimSubmission, Staff, UUID)}; files of the {@code filed} kinds come with
     * the claim: {@link ClaimPapers} stores them by {@code withFiles} in the same transaction, before
     * the process starts, so that the pre-check counts them as handed in and reads their QR codes.
     */
    Claim submit(ClaimSubmission submission, Staff clerk, UUID intakeKey, Set<DocumentKind> filed, LongConsumer withFiles) {
        return store(submission, checked(submission, clerk), clerk.userId(), intakeKey, filed, withFiles);
    }

    /**
     * A claim the member sends online (线上快办): the same checks, pre-check and process as at
     * the counter, routed to the agency of the member's unit; {@link Claim#ONLINE} stands where the
     * clerk would. The submission must be the signed-in member's own; the form's intake key sent
     * again (a second tap, a reload of the answer) answers the claim it stands for.
     */
    Claim submitOnline(long memberId, ClaimSubmission submission, UUID intakeKey, Set<DocumentKind> filed,
                       LongConsumer withFiles) {
        return store(submission, checkedOnline(memberId, submission), Claim.ONLINE, intakeKey, filed, withFiles);
    }

    private Claim store(ClaimSubmission submission, Checked checked, String submittedBy, UUID intakeKey,
                        Set<DocumentKind> filed, LongConsumer withFiles) {
        Member member = checked.member();
        Claim claim = Claim.submitted(member.id(), submission.scheme(), member.agencyId(), submission.admissionDate(),
                submission.dischargeDate(), submission.hospital().strip(), submission.diagnosis().strip(),
                Icd10.canonical(submission.diagnosisCode()), submission.diagnosisDate(),
                submission.expenses() == null ? null : submission.expenses().toExpenses(),
                new BankAccount(submission.bankAccount().bankName().strip(), submission.bankAccount().accountNumber(),
                        submission.bankAccount().accountName().strip()),
                invoices(submission), SubmissionRules.documentKinds(submission.documents(), "documents", new Problems()),
                submittedBy, clock.instant());
        Optional<Long> inserted = claims.insert(claim, member, checked.benefitKind(), intakeKey,
                ClaimSubmission.reasonOr(submission.documentsReason()));
        if (inserted.isEmpty()) {
            Claim sent = claims.get(claims.byIntakeKey(submittedBy, intakeKey).orElseThrow());
            // online every member's claims share one submitter: a key is only ever the member's own
            if (sent.memberId() != member.id()) {
                throw DomainException.conflict("INTAKE_KEY_USED", "表单已失效，请重新打开申请页填写");
            }
            return sent;
        }
        long id = inserted.get();
        claims.recordFiled(id, filed, submittedBy, claim.submittedAt());
        withFiles.accept(id);
        history.record(id, "SUBMITTED", submittedBy, claim.submittedAt(), null, null);
        // before the process starts, so that the receipt comes before what the pre-check finds
        notices.received(claims.get(id));

        process.start(id, member.agencyCode());
        return claims.get(id);
    }

    /**
     * Everything {@link #submit} checks before it stores anything, storing nothing: every problem
     * of the fields at once, then the member and whether the clerk takes claims in for them.
     */
    @Transactional(readOnly = true)
    public Member check(ClaimSubmission submission, Staff clerk) {
        return checked(submission, clerk).member();
    }

    /** The member and the scheme's benefit kind, both read once by the checks. */
    private record Checked(Member member, BenefitKind benefitKind) {
    }

    private Checked checked(ClaimSubmission submission, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        Scheme scheme = checkedFields(submission);
        Member member = member(submission.memberIdNumber());
        access.requireIntake(clerk, member.agencyCode());
        return new Checked(member, scheme.benefitKind());
    }

    /** What {@link #submitOnline} checks before it stores anything, storing nothing. */
    @Transactional(readOnly = true)
    public Member checkOnline(long memberId, ClaimSubmission submission) {
        return checkedOnline(memberId, submission).member();
    }

    private Checked checkedOnline(long memberId, ClaimSubmission submission) {
        Scheme scheme = checkedFields(submission);
        Member member = member(submission.memberIdNumber());
        if (member.id() != memberId) {
            throw DomainException.forbidden("NOT_OWN_CLAIM", "只能为本人申请补助");
        }
        return new Checked(member, scheme.benefitKind());
    }

    /** Every problem of the fields at once; the scheme named. */
    private Scheme checkedFields(ClaimSubmission submission) {
        Problems problems = new Problems();
        boolean named = submission.scheme() != null && !submission.scheme().isBlank();
        Optional<Scheme> scheme = named ? ruleSets.scheme(submission.scheme()) : Optional.empty();
        if (named && scheme.isEmpty()) {
            problems.add("scheme", "UNKNOWN_SCHEME", "没有这个保障项目：" + submission.scheme());
        }
        SubmissionRules.check(submission, scheme.map(Scheme::benefitKind).orElse(BenefitKind.EXPENSE),
                LocalDate.now(clock), problems);
        problems.throwIfAny();
        return scheme.orElseThrow();
    }

    /** The member of a well-formed ID number; a field problem when nobody is registered under it. */
    Member member(String idNumber) {
        return members.byIdNumber(ResidentIdNumber.parse(idNumber).orElseThrow().value())
                .orElseThrow(() -> new InvalidInputException("memberIdNumber", "MEMBER_NOT_FOUND",
                        "未找到该身份证号的会员，请先登记会员"));
    }

    /** The invoices handed in, each once. */
    static List<Invoice> invoices(ClaimSubmission submission) {
        return Optional.ofNullable(submission.invoices()).orElse(List.of()).stream()
                .map(i -> new Invoice(i.code() == null ? "" : i.code(), i.number())).distinct().toList();
    }

    /** The claim, for the counter's staff at its agency (administrators at any); 403 for anyone else. */
    @Transactional(readOnly = true)
    public Claim atCounter(long claimId, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        Claim claim = claims.get(claimId);
        access.requireIntake(clerk, access.agencyCode(claim));
        return claim;
    }

    /**
     * Records papers the member brought later, their originals seen at the counter for the reason
     * (null: {@link ClaimSubmission#SEEN_AT_COUNTER}); complete materials send the claim on to the
     * agency check.
     */
    @Transactional
    public Claim addSupplements(long claimId, List<String> documents, String reason, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        Set<DocumentKind> received = SubmissionRules.documentKinds(documents, "documents", problems);
        if (documents == null || documents.isEmpty()) {
            problems.add("documents", "REQUIRED", "请选择补交的材料");
        }
        problems.throwIfAny();
        Claim claim = atCounter(claimId, clerk);
        claim.addDocuments(received);
        claims.recordSeenAtCounter(claimId, received, ClaimSubmission.reasonOr(reason), clerk.userId(), clock.instant());
        supplemented(claimId, received, clerk.userId());
        return claims.get(claimId);
    }

    /**
     * Files of these kinds were stored for the claim ({@link ClaimPapers}): they are handed in, and
     * to a claim waiting for papers they are a supplement, as if brought to the counter.
     */
    void papersFiled(Claim claim, Set<DocumentKind> kinds, String by) {
        claims.recordFiled(claim.id(), kinds, by, clock.instant());
        if (claim.status() == ClaimStatus.AWAITING_SUPPLEMENTS) {
            claim.addDocuments(kinds);
            supplemented(claim.id(), kinds, by);
        }
    }

    /** The claim's history says what came and who brought it (a clerk, or {@link Claim#ONLINE}); the process runs the pre-check again. */
    private void supplemented(long claimId, Set<DocumentKind> received, String by) {
        history.record(claimId, "SUPPLEMENTED", by, clock.instant(), null,
                String.join("、", received.stream().map(DocumentKind::label).toList()));
        process.supplementsReceived(claimId);
    }
}
