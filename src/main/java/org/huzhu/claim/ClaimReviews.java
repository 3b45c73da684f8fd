package org.huzhu.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of a rejection (复核申请, table claim_review): asked for by the member online or by
 * a clerk for the member, only for a rejected claim, only within the scheme's review window from
 * the rejection, once per rejection. It runs as its own process (rejection-review.bpmn), decided
 * by a league head or the committee who never decided the claim before. Upheld, the claim is
 * audited again from the step the reviewer names, on a new payment deadline; refused, the
 * rejection is final. Not the second audit before an approval (协会复核).
 */
@Service
public class ClaimReviews {

    static final int REASON_LIMIT = 500;

    private final JdbcClient jdbc;
    private final Claims claims;
    private final ClaimHistory history;
    private final ClaimIntake intake;
    private final ClaimPapers papers;
    private final ClaimProcess process;
    private final ClaimSummaries summaries;
    private final MemberNotices notices;
    private final Members members;
    private final RuleSets ruleSets;
    private final Clock clock;

    ClaimReviews(JdbcClient jdbc, Claims claims, ClaimHistory history, ClaimIntake intake, ClaimPapers papers,
                 ClaimProcess process, ClaimSummaries summaries, MemberNotices notices, Members members,
                 RuleSets ruleSets, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.history = history;
        this.intake = intake;
        this.papers = papers;
        this.process = process;
        this.summaries = summaries;
        this.notices = notices;
        this.members = members;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    /** A clerk asks for the review at the counter, for the member of their agency. */
    @Transactional
    public ClaimReview requestAtCounter(long claimId, String reason, Staff clerk) {
        return requestAtCounter(claimId, reason, null, List.of(), clerk);
    }

    /**
     * A clerk asks for the review with the member's new papers as files of one kind: the request
     * and the files are stored together or, when either is refused, neither.
     */
    @Transactional
    public ClaimReview requestAtCounter(long claimId, String reason, String kind, List<ClaimPapers.SentFile> files,
                                        Staff clerk) {
        intake.atCounter(claimId, clerk);
        requireKindOfFiles(reason, kind, files);
        ClaimReview review = request(claimId, clerk.userId(), ReviewChannel.COUNTER, reason);
        if (!files.isEmpty()) {
            papers.add(claimId, List.of(kind), files, clerk);
        }
        return review;
    }

    private static void requireKindOfFiles(String reason, String kind, List<ClaimPapers.SentFile> files) {
        if (!files.isEmpty() && (kind == null || kind.isBlank())) {
            Problems problems = new Problems();
            problems.add("kind", "REQUIRED", "请选择新材料的类型");
            reasonProblems(reason, problems);
            problems.throwIfAny();
        }
    }

    /**
     * The member asks online (the members' pages). Another member's claim reads as no claim at
     * all, so nothing is revealed about it.
     */
    @Transactional
    public ClaimReview requestOnline(long claimId, long memberId, String reason) {
        return requestOnline(claimId, memberId, reason, null, List.of());
    }

    /** As at the counter: the member's request and their new papers' files stored together or not at all. */
    @Transactional
    public ClaimReview requestOnline(long claimId, long memberId, String reason, String kind,
                                     List<ClaimPapers.SentFile> files) {
        Claim claim = claims.ofMember(memberId, claimId)
                .orElseThrow(() -> DomainException.notFound("CLAIM_NOT_FOUND", "申请不存在：" + claimId));
        requireKindOfFiles(reason, kind, files);
        ClaimReview review = request(claim.id(), "member:" + memberId, ReviewChannel.ONLINE, reason);
        if (!files.isEmpty()) {
            papers.addOnline(memberId, claimId, List.of(kind), files);
        }
        return review;
    }

    /**
     * Asks for the review of the claim's rejection and starts its process. Refused, with nothing
     * stored, when the reason is missing, the claim is not rejected, its window has closed or its
     * rejection had its review already.
     */
    @Transactional
    public ClaimReview request(long claimId, String requestedBy, ReviewChannel channel, String reason) {
        Problems problems = new Problems();
        reasonProblems(reason, problems);
        problems.throwIfAny();
        claims.lock(claimId);
        Claim claim = claims.get(claimId);
        Window window = window(claim).orElseThrow(() -> claim.status() == ClaimStatus.REVIEW
                ? DomainException.conflict("REVIEW_ALREADY_REQUESTED", "此申请已提出复核，正在复核中")
                : DomainException.conflict("CLAIM_NOT_REJECTED", "只有已驳回的申请可以申请复核"));
        if (window.review().isPresent()) {
            throw DomainException.conflict("REVIEW_ALREADY_DONE",
                    "此次驳回已复核过（" + window.review().get().outcomeLabel() + "），复核结论为最终结论，不能再次申请复核");
        }
        if (window.closed(today())) {
            throw DomainException.conflict("REVIEW_WINDOW_CLOSED", "申请复核须在驳回之日起" + window.days()
                    + "天内提出，已于" + window.lastDay() + "截止");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into claim_review (claim_id, rejection_event_id, channel, requested_by, requested_at, reason,
                                                  deadline_working_days)
                        values (:claim, :rejection, :channel, :by, :at, :reason, :days) returning id
                        """)
                .param("claim", claimId).param("rejection", window.rejection().id()).param("channel", channel.name())
                .param("by", requestedBy).param("at", Timestamp.from(now)).param("reason", reason.strip())
                .param("days", window.deadlineWorkingDays()).query(Long.class).single();
        claim.requestReview();
        claims.update(claim);
        history.record(claimId, "REVIEW_REQUESTED", requestedBy, now, null, reason.strip());
        ClaimReview review = get(id);
        notices.reviewRequested(claim, review);
        process.startReview(claimId, summaries.byClaim(claimId).agencyCode());
        return review;
    }

    private static void reasonProblems(String reason, Problems problems) {
        if (reason == null || reason.isBlank()) {
            problems.add("reason", "REQUIRED", "请填写申请复核的理由");
        } else if (reason.strip().length() > REASON_LIMIT) {
            problems.add("reason", "TOO_LONG", "申请复核的理由最多" + REASON_LIMIT + "个字");
        }
    }

    /**
     * Records the reviewer's decision (from the review's task): refused, the rejection stands;
     * upheld, the claim takes its invoices back and goes to be audited again. Nobody who decided
     * the claim before may decide its review.
     */
    @Transactional
    public void decide(long claimId, Decision decision, String reason, String actor) {
        ClaimReview review = open(claimId).orElseThrow(() -> DomainException.conflict("NO_OPEN_REVIEW", "此申请没有待办的复核申请"));
        if (history.decidersOf(claimId).contains(actor)) {
            throw DomainException.conflict("SAME_DECIDER", "复核须由未办理过此申请的人作出");
        }
        Claim claim = claims.get(claimId);
        AuditStage restart = switch (decision) {
            case UPHOLD_AT_AGENCY_CHECK -> AuditStage.AGENCY_CHECK;
            case UPHOLD_AT_LEAGUE_AUDIT -> AuditStage.LEAGUE_AUDIT;
            case REFUSE -> null;
            default -> throw new IllegalArgumentException("not a review's decision: " + decision);
        };
        if (restart == AuditStage.LEAGUE_AUDIT && claim.subsidy() == null) {
            throw DomainException.conflict("NOT_CALCULATED_YET", "此申请未经代办点审核通过、尚未计算补助，只能从代办点审核起重新审核");
        }
        if (restart != null) {
            List<Invoice> taken = claims.holdInvoices(claimId, claim.invoices());
            if (!taken.isEmpty()) {
                throw DomainException.conflict("INVOICE_HELD_ELSEWHERE", "发票" + taken.get(0).code() + "-"
                        + taken.get(0).number() + "已用于其他申请，不能撤销驳回");
            }
            claim.reviewUpheld();
        } else {
            claim.reviewRefused();
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        update claim_review set outcome = :outcome, restart_step = :step, decided_by = :by, decided_at = :at,
                            decision_reason = :reason
                        where id = :id and outcome is null
                        """)
                .param("outcome", restart == null ? ClaimReview.REFUSED : ClaimReview.UPHELD)
                .param("step", restart == null ? null : restart.name()).param("by", actor)
                .param("at", Timestamp.from(now)).param("reason", reason == null ? null : reason.strip())
                .param("id", review.id()).update();
        claims.update(claim);
        history.record(claimId, AuditStage.REJECTION_REVIEW.name(), actor, now, decision.name(),
                reason == null ? null : reason.strip());
        notices.reviewOutcome(claims.get(claimId), get(review.id()));
    }

    /** The claim's review waiting for its decision, if any. */
    public Optional<ClaimReview> open(long claimId) {
        return of(claimId).stream().filter(ClaimReview::open).findFirst();
    }

    /** The claim's reviews, the first first. */
    public List<ClaimReview> of(long claimId) {
        return jdbc.sql("select * from claim_review where claim_id = :claim order by id").param("claim", claimId)
                .query(ClaimReviews::map).list();
    }

    /**
     * The review window of a rejected claim (empty for one that is not rejected): since when, until
     * when, and the review its rejection had, if it had one.
     */
    public Optional<Window> window(long claimId) {
        return window(claims.get(claimId));
    }

    private Optional<Window> window(Claim claim) {
        if (claim.status() != ClaimStatus.REJECTED) {
            return Optional.empty();
        }
        return history.latestRejection(claim.id()).map(rejection -> {
            RuleSetDefinition rules = rulesOf(claim);
            Optional<ClaimReview> done = of(claim.id()).stream()
                    .filter(review -> review.rejectionEventId() == rejection.id()).findFirst();
            return new Window(rejection, rules.reviewWindowDays(),
                    rejection.occurredAt().atZone(Beijing.ZONE).toLocalDate().plusDays(rules.reviewWindowDays()),
                    rules.reviewDeadlineWorkingDays(), done);
        });
    }

    /**
     * A rejected claim's chance of a review.
     *
     * @param lastDay the last day (Beijing) a review may be asked for
     * @param review  the review the rejection had; present, none may be asked for again
     */
    public record Window(ClaimEvent rejection, int days, LocalDate lastDay, int deadlineWorkingDays,
                         Optional<ClaimReview> review) {

        public boolean closed(LocalDate today) {
            return today.isAfter(lastDay);
        }

        /** Whether a review may be asked for today. */
        public boolean mayRequest(LocalDate today) {
            return review.isEmpty() && !closed(today);
        }
    }

    public LocalDate today() {
        return clock.instant().atZone(Beijing.ZONE).toLocalDate();
    }

    /** The rules the claim was calculated on, else those in force for it; defaults when none are published. */
    private RuleSetDefinition rulesOf(Claim claim) {
        if (claim.ruleSetId() != null) {
            return ruleSets.byId(claim.ruleSetId()).definition();
        }
        LocalDate on = claim.admissionDate() != null ? claim.admissionDate() : claim.diagnosisDate();
        return ruleSets.inForce(claim.scheme(), members.byId(claim.memberId()).organiserCode(), on)
                .map(RuleSet::definition)
                .orElseGet(() -> new RuleSetDefinition(null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null));
    }

    private ClaimReview get(long id) {
        return jdbc.sql("select * from claim_review where id = :id").param("id", id).query(ClaimReviews::map).single();
    }

    private static ClaimReview map(ResultSet row, int n) throws SQLException {
        String step = row.getString("restart_step");
        Timestamp decided = row.getTimestamp("decided_at");
        return new ClaimReview(row.getLong("id"), row.getLong("claim_id"), row.getLong("rejection_event_id"),
                ReviewChannel.valueOf(row.getString("channel")), row.getString("requested_by"),
                row.getTimestamp("requested_at").toInstant(), row.getString("reason"),
                row.getInt("deadline_working_days"), row.getString("outcome"),
                step == null ? null : AuditStage.valueOf(step), row.getString("decided_by"),
                decided == null ? null : decided.toInstant(), row.getString("decision_reason"));
    }
}
