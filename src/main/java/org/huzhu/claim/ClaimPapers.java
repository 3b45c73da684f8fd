package org.huzhu.claim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.huzhu.audit.AuditTrail;
import org.huzhu.papers.CheckedPaper;
import org.huzhu.papers.Paper;
import org.huzhu.papers.PaperChecks;
import org.huzhu.papers.PaperUpload;
import org.huzhu.papers.Papers;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of a claim's papers (docs/papers.md): taken in with the claim or later by the counter's
 * staff who take claims in, read by exactly those who may read the claim, each opening of a file
 * recorded in the audit trail. A stored file of a kind hands that paper in: to a claim waiting
 * for papers it is a supplement.
 */
@Service
public class ClaimPapers {

    private final ClaimIntake intake;
    private final Claims claims;
    private final ClaimAccess access;
    private final PaperChecks checks;
    private final Papers papers;
    private final AuditTrail audit;
    private final Clock clock;

    ClaimPapers(ClaimIntake intake, Claims claims, ClaimAccess access, PaperChecks checks, Papers papers,
                AuditTrail audit, Clock clock) {
        this.intake = intake;
        this.claims = claims;
        this.access = access;
        this.checks = checks;
        this.papers = papers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file as a request carried it: the name the sender's device gave it and its bytes. */
    public record SentFile(String name, byte[] bytes) {
    }

    /**
     * Takes the claim in with its files, in one transaction: a refused file stores nothing, and
     * the problems of the files and of the claim are told together.
     *
     * @param kinds the kind of each file in turn, or one kind for all
     */
    @Transactional
    public Claim submit(ClaimSubmission submission, List<String> kinds, List<SentFile> files, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        List<CheckedPaper> checked = checkedWithClaim(kinds, files, () -> intake.check(submission, clerk));
        return intake.submit(submission, clerk, null, kindsOf(checked),
                claimId -> papers.store(claimId, checked, clerk.userId(), clock.instant()));
    }

    /**
     * The member's own claim sent online (线上快办) with photos or scans of its papers, as
     * {@link #submit(ClaimSubmission, List, List, Staff)} takes one in at the counter; the form's
     * key sent twice stands for one claim, its files stored once.
     */
    @Transactional
    public Claim submitOnline(long memberId, ClaimSubmission submission, UUID intakeKey, List<String> kinds,
                              List<SentFile> files) {
        List<CheckedPaper> checked = checkedWithClaim(kinds, files, () -> intake.checkOnline(memberId, submission));
        return intake.submitOnline(memberId, submission, intakeKey, kindsOf(checked),
                claimId -> papers.store(claimId, checked, Claim.ONLINE, clock.instant()));
    }

    /** The files checked; when one is refused, the claim's own problems are told with them. */
    private List<CheckedPaper> checkedWithClaim(List<String> kinds, List<SentFile> files, Runnable claimCheck) {
        Problems problems = new Problems();
        List<CheckedPaper> checked = checked(kinds, files, problems);
        papers.checkRoom(null, checked, problems);
        if (!problems.isEmpty()) {
            try {
                claimCheck.run();
            } catch (InvalidInputException invalid) {
                problems.addAll(invalid.problems());
            }
            problems.throwIfAny();
        }
        return checked;
    }

    /**
     * Takes in the claim of a counter's form with the files uploaded in that form (staged under
     * its key); the same key again answers the claim it stands for, as {@link ClaimIntake} does.
     */
    @Transactional
    public Claim submit(ClaimSubmission submission, UUID intakeKey, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        Set<DocumentKind> filed = EnumSet.noneOf(DocumentKind.class);
        papers.staged(intakeKey, clerk.userId()).forEach(paper -> filed.add(paper.kind()));
        return intake.submit(submission, clerk, intakeKey, filed, claimId -> papers.adopt(intakeKey, clerk.userId(), claimId));
    }

    /**
     * Keeps files uploaded in a counter's form before its claim exists; answers their rows (a file
     * the form held already answers its row). A refused file keeps nothing; problems at {@code file[i]}.
     */
    @Transactional
    public List<Paper> stage(UUID intakeKey, List<String> kinds, List<SentFile> files, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        if (files.isEmpty()) {
            problems.add("file", "REQUIRED", "请选择要上传的文件");
        }
        List<CheckedPaper> checked = checked(kinds, files, problems);
        papers.checkRoom(intakeKey, clerk.userId(), checked, problems);
        problems.throwIfAny();
        return papers.stage(intakeKey, checked, clerk.userId(), clock.instant());
    }

    /** The files a counter's form holds so far, for the clerk who uploaded them. */
    @Transactional(readOnly = true)
    public List<Paper> staged(UUID intakeKey, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        return papers.staged(intakeKey, clerk.userId());
    }

    /** Takes a file out of the clerk's form before the claim is taken in. */
    @Transactional
    public void unstage(UUID intakeKey, long paperId, Staff clerk) {
        clerk.requireAny(Role.ADMIN, Role.CLERK);
        papers.unstage(intakeKey, clerk.userId(), paperId);
    }

    /** A claim and its files. */
    public record Files(Claim claim, List<Paper> papers) {
    }

    /** Adds files to a claim not yet decided; answers the claim as it stands after them, with all its files. */
    @Transactional
    public Files add(long claimId, List<String> kinds, List<SentFile> files, Staff clerk) {
        return add(intake.atCounter(claimId, clerk), kinds, files, clerk.userId());
    }

    /**
     * Files the member sends online for their own claim (补件 from a phone); a claim of anyone
     * else is not found, as if it did not exist.
     */
    @Transactional
    public Files addOnline(long memberId, long claimId, List<String> kinds, List<SentFile> files) {
        Claim claim = claims.ofMember(memberId, claimId)
                .orElseThrow(() -> DomainException.notFound("CLAIM_NOT_FOUND", "没有这件申请"));
        return add(claim, kinds, files, Claim.ONLINE);
    }

    private Files add(Claim claim, List<String> kinds, List<SentFile> files, String by) {
        long claimId = claim.id();
        claim.requireOpenForPapers();
        // one upload at a time per claim: two at once could otherwise both pass the claim's limit
        claims.lock(claimId);
        Problems problems = new Problems();
        if (files.isEmpty()) {
            problems.add("file", "REQUIRED", "请选择要上传的文件");
        }
        List<CheckedPaper> checked = checked(kinds, files, problems);
        papers.checkRoom(claimId, checked, problems);
        problems.throwIfAny();
        List<Paper> stored = papers.store(claimId, checked, by, clock.instant());
        // invoices read from QR codes after the pre-check are held too, so a later claim cannot take them again
        claims.holdInvoices(claimId, Invoice.typedAndRead(List.of(), stored));
        intake.papersFiled(claim, kindsOf(checked), by);
        return new Files(claims.get(claimId), papers.ofClaim(claimId));
    }

    /** The claim's files, for whoever may read the claim. */
    @Transactional(readOnly = true)
    public Files list(long claimId, Staff staff) {
        Claim claim = claims.get(claimId);
        access.requireRead(staff, claim);
        return new Files(claim, papers.ofClaim(claimId));
    }

    /** A file and its bytes. */
    public record Opened(Paper paper, byte[] bytes) {
    }

    /** The file's bytes, checked against their hash; the opening is recorded as a read of personal data. */
    public Opened open(long claimId, long paperId, Staff staff) {
        Paper paper = readable(claimId, paperId, staff);
        byte[] bytes = papers.content(paper);
        audit.record(staff.userId(), "PAPER_VIEWED", "PAPER", Long.toString(paperId), claimId, paper.kind().label());
        return new Opened(paper, bytes);
    }

    /**
     * A page of the file as a picture to read (the workbench's viewer), turned by {@code rotation}
     * degrees; recorded as a read of the file, with the page of a PDF.
     */
    public Opened page(long claimId, long paperId, int number, int rotation, Staff staff) {
        Paper paper = readable(claimId, paperId, staff);
        byte[] jpeg = papers.page(paper, number, rotation);
        String which = paper.pages() == null ? paper.kind().label() : paper.kind().label() + " 第" + number + "页";
        audit.record(staff.userId(), "PAPER_VIEWED", "PAPER", Long.toString(paperId), claimId, which);
        return new Opened(paper, jpeg);
    }

    /** A small picture of the file for a list; not recorded (DECISIONS, "Papers"). */
    public Opened thumbnail(long claimId, long paperId, Staff staff) {
        Paper paper = readable(claimId, paperId, staff);
        return new Opened(paper, papers.thumbnail(paper));
    }

    private Paper readable(long claimId, long paperId, Staff staff) {
        access.requireRead(staff, claims.get(claimId));
        return papers.get(claimId, paperId);
    }

    /** Each file with its kind, checked; problems at {@code file[i]} and {@code kind[i]}. */
    private List<CheckedPaper> checked(List<String> kinds, List<SentFile> files, Problems problems) {
        if (!files.isEmpty() && kinds.size() != files.size() && kinds.size() != 1) {
            problems.add("kind", "KIND_PER_FILE", "每个文件须有一个材料类型（kind），或所有文件共用一个：收到 "
                    + files.size() + " 个文件、" + kinds.size() + " 个类型");
            return List.of();
        }
        List<Optional<DocumentKind>> named = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            named.add(SubmissionRules.documentKind(kinds.get(k), "kind[" + k + "]", problems));
        }
        List<PaperUpload> uploads = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SentFile file = files.get(i);
            String field = "file[" + i + "]";
            named.get(kinds.size() == 1 ? 0 : i)
                    .ifPresent(kind -> uploads.add(new PaperUpload(field, kind, file.name(), file.bytes())));
        }
        return checks.check(uploads, problems);
    }

    private static Set<DocumentKind> kindsOf(List<CheckedPaper> checked) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        checked.forEach(paper -> kinds.add(paper.kind()));
        return kinds;
    }
}
