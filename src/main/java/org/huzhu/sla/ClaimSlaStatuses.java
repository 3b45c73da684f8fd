package org.huzhu.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.springframework.stereotype.Component;

/** Reads claims' payment clocks as the claim view and the task lists show them. */
@Component
class ClaimSlaStatuses implements SlaStatuses {

    private final ClaimClocks clocks;
    private final WorkingDayCalendars calendars;
    private final SlaSettings settings;
    private final Clock clock;

    ClaimSlaStatuses(ClaimClocks clocks, WorkingDayCalendars calendars, SlaSettings settings, Clock clock) {
        this.clocks = clocks;
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public SlaStatus of(long claimId) {
        return of(List.of(claimId)).get(claimId);
    }

    @Override
    public Map<Long, SlaStatus> of(Collection<Long> claimIds) {
        return statuses(claimIds, true);
    }

    @Override
    public Map<Long, SlaStatus> deadlines(Collection<Long> claimIds) {
        return statuses(claimIds, false);
    }

    /** The clocks with their escalation in one read, and each stage's time only when asked for. */
    private Map<Long, SlaStatus> statuses(Collection<Long> claimIds, boolean withStages) {
        Map<Long, SlaStatus> statuses = new HashMap<>();
        claimIds.forEach(id -> statuses.put(id, SlaStatus.NOT_STARTED));
        List<ClaimClocks.Listed> found = clocks.findForList(claimIds);
        if (found.isEmpty()) {
            return statuses;
        }
        Map<Long, List<StageVisit>> visits = !withStages ? Map.of()
                : clocks.visits(found.stream().map(listed -> listed.clock().claimId()).toList()).stream()
                .collect(Collectors.groupingBy(StageVisit::claimId));
        WorkingDayCalendar calendar = calendars.current();
        Instant now = clock.instant();
        for (ClaimClocks.Listed listed : found) {
            long claimId = listed.clock().claimId();
            statuses.put(claimId, status(listed.clock(), withStages ? visits.getOrDefault(claimId, List.of()) : null,
                    listed.escalated(), calendar, now));
        }
        return statuses;
    }

    /**
     * Left and overdue are counted to today while the clock runs, to the day it stopped after;
     * without visits (a list's deadline) there are no stage times.
     */
    private SlaStatus status(ClaimClock c, List<StageVisit> visits, boolean urgent, WorkingDayCalendar calendar,
                             Instant now) {
        LocalDate until = WorkingDayCalendar.dayOf(c.running() ? now : c.stoppedAt());
        List<SlaStatus.StageTime> stages = visits == null ? List.of() : Arrays.stream(SlaStage.values()).filter(SlaStage::ofPayment)
                .map(stage -> new SlaStatus.StageTime(stage.name(), stage.label(),
                        visits.stream().filter(v -> v.stage() == stage)
                                .mapToInt(v -> v.workingDaysUsed(calendar, now)).sum(),
                        settings.budget(stage)))
                .toList();
        return new SlaStatus(c.state(now), c.dueDate(), calendar.workingDaysBetween(until, c.dueDate()),
                calendar.workingDaysBetween(c.dueDate(), until), urgent, stages);
    }
}
