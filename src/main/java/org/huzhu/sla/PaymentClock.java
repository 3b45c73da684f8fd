package org.huzhu.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.ClaimStatusChanged;
import org.huzhu.claim.Claims;
import org.huzhu.membership.Members;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs each claim's payment clock from the claim's own moves: it starts when materials are
 * complete (so waiting for supplements never counts), follows the stages, and stops at payment
 * or rejection. Runs inside the transaction that moves the claim.
 */
@Service
public class PaymentClock {

    private static final EnumSet<ClaimStatus> BEFORE_COMPLETE = EnumSet.of(ClaimStatus.SUBMITTED,
            ClaimStatus.AWAITING_SUPPLEMENTS);

    private final ClaimClocks clocks;
    private final Claims claims;
    private final Members members;
    private final RuleSets ruleSets;
    private final WorkingDayCalendars calendars;
    private final SlaSettings settings;
    private final SlaMetrics metrics;
    private final ClaimReviews reviews;
    private final Clock clock;

    PaymentClock(ClaimClocks clocks, Claims claims, Members members, RuleSets ruleSets, WorkingDayCalendars calendars,
                 SlaSettings settings, SlaMetrics metrics, ClaimReviews reviews, Clock clock) {
        this.clocks = clocks;
        this.claims = claims;
        this.reviews = reviews;
        this.members = members;
        this.ruleSets = ruleSets;
        this.calendars = calendars;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @EventListener
    void follow(ClaimStatusChanged change) {
        if (BEFORE_COMPLETE.contains(change.from()) && change.to() == ClaimStatus.AGENCY_CHECK) {
            start(claims.get(change.claimId()));
            return;
        }
        if (change.to() == ClaimStatus.REVIEW) {
            int days = reviews.open(change.claimId()).orElseThrow().deadlineWorkingDays();
            restart(claims.get(change.claimId()), days, SlaStage.REVIEW);
            return;
        }
        if (change.from() == ClaimStatus.REVIEW && change.to() == ClaimStatus.AGENCY_CHECK) {
            // upheld: a new payment deadline, counted from the day of the review's decision
            Claim claim = claims.get(change.claimId());
            restart(claim, deadlineOf(claim), SlaStage.AGENCY_CHECK);
            return;
        }
        clocks.find(change.claimId()).filter(ClaimClock::running).ifPresent(running -> {
            if (change.to() == ClaimStatus.PAID) {
                paid(running, claims.get(change.claimId()).paidAt());
            } else if (change.to() == ClaimStatus.REJECTED) {
                clocks.stop(running.claimId(), clock.instant(), ClaimStatus.REJECTED, null, null);
            } else {
                SlaStage.of(change.to()).ifPresent(stage -> enter(running, stage, clock.instant(),
                        calendars.current()));
            }
        });
    }

    /** Records who holds the claim's open task now. */
    public void holder(long claimId, String user, String group) {
        clocks.holder(claimId, user, group);
    }

    /**
     * Works out again, on the calendar now in force, the dates of every clock the changed days
     * can move. Returns the running clocks, whose process timers must follow.
     */
    List<ClaimClock> recalculate(LocalDate from, LocalDate to) {
        WorkingDayCalendar calendar = calendars.current();
        List<ClaimClock> touched = clocks.touching(from, to);
        List<Long> ids = touched.stream().map(ClaimClock::claimId).toList();
        List<StageVisit> visits = clocks.visits(ids);
        for (ClaimClock c : touched) {
            Schedule schedule = schedule(calendar, c.startedAt(), c.workingDays());
            clocks.reschedule(c.claimId(), schedule);
            if (c.running()) {
                List<StageVisit> own = visits.stream().filter(v -> v.claimId() == c.claimId())
                        .filter(v -> !v.enteredAt().isBefore(c.startedAt())).toList();
                clocks.stageDue(c.claimId(), c.stage().ofPayment() ? stageDue(calendar, own, c.stage(), c.stageSince())
                        : schedule.dueAt());
            } else if (c.outcome() == ClaimStatus.PAID) {
                clocks.paymentFigures(c.claimId(), workingDaysToPay(calendar, c, c.stoppedAt()),
                        c.stoppedAt().isBefore(schedule.dueAt()));
            }
        }
        return clocks.find(touched.stream().filter(ClaimClock::running).map(ClaimClock::claimId).toList());
    }

    private void start(Claim claim) {
        WorkingDayCalendar calendar = calendars.current();
        int workingDays = deadlineOf(claim);
        Instant started = claim.materialsCompleteAt();
        clocks.start(claim.id(), claim.agencyId(), workingDays, started, schedule(calendar, started, workingDays),
                SlaStage.AGENCY_CHECK, stageDue(calendar, List.of(), SlaStage.AGENCY_CHECK, started));
    }

    private void restart(Claim claim, int workingDays, SlaStage stage) {
        WorkingDayCalendar calendar = calendars.current();
        Instant now = clock.instant();
        Schedule schedule = schedule(calendar, now, workingDays);
        clocks.restart(claim.id(), claim.agencyId(), workingDays, now, schedule, stage,
                stage.ofPayment() ? stageDue(calendar, List.of(), stage, now) : schedule.dueAt());
    }

    /** Enters the stage; only the stays since the clock last started count against its budget. */
    private void enter(ClaimClock running, SlaStage stage, Instant at, WorkingDayCalendar calendar) {
        List<StageVisit> visits = clocks.visits(List.of(running.claimId())).stream()
                .filter(v -> !v.enteredAt().isBefore(running.startedAt())).toList();
        clocks.enterStage(running.claimId(), stage, at, stageDue(calendar, visits, stage, at));
    }

    private void paid(ClaimClock running, Instant paidAt) {
        int workingDays = workingDaysToPay(calendars.current(), running, paidAt);
        boolean inTime = paidAt.isBefore(running.dueAt());
        clocks.stop(running.claimId(), paidAt, ClaimStatus.PAID, workingDays, inTime);
        metrics.paid(workingDays, inTime);
    }

    private static int workingDaysToPay(WorkingDayCalendar calendar, ClaimClock clock, Instant paidAt) {
        return calendar.workingDaysBetween(clock.startDay(), WorkingDayCalendar.dayOf(paidAt));
    }

    /** The payment deadline of the claim's rule set, the configured default when it gives none. */
    private int deadlineOf(Claim claim) {
        String organiser = members.byId(claim.memberId()).organiserCode();
        return ruleSets.inForce(claim.scheme(), organiser, claim.admissionDate()).map(RuleSet::definition)
                .map(definition -> definition.paymentDeadlineWorkingDays()).filter(days -> days > 0)
                .orElse(settings.defaultWorkingDays());
    }

    private Schedule schedule(WorkingDayCalendar calendar, Instant startedAt, int workingDays) {
        return Schedule.of(calendar, startedAt, workingDays, settings.atRiskWorkingDays());
    }

    /**
     * When a stage entered at the moment overruns its budget: what earlier stays in the same stage
     * used counts against it, so a returned claim does not get a fresh budget.
     */
    private Instant stageDue(WorkingDayCalendar calendar, List<StageVisit> visits, SlaStage stage, Instant enteredAt) {
        int used = visits.stream().filter(v -> v.stage() == stage && v.leftAt() != null)
                .mapToInt(v -> v.workingDaysUsed(calendar, enteredAt)).sum();
        int left = settings.budget(stage) - used;
        return left <= 0 ? enteredAt : calendar.endOfWorkingDay(WorkingDayCalendar.dayOf(enteredAt), left);
    }
}
