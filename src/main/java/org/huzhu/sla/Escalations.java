package org.huzhu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.notification.Outbox;
import org.huzhu.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalations the process raises when a claim becomes at risk or breaches its deadline: a
 * record, a message to the supervisors (through the outbox), and from then on the claim is urgent in the task lists.
 */
@Service
public class Escalations {

    private final JdbcClient jdbc;
    private final ClaimClocks clocks;
    private final ClaimSummaries summaries;
    private final WorkingDayCalendars calendars;
    private final Outbox outbox;
    private final SlaMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Escalations(JdbcClient jdbc, ClaimClocks clocks, ClaimSummaries summaries, WorkingDayCalendars calendars,
                Outbox outbox, SlaMetrics metrics, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.summaries = summaries;
        this.calendars = calendars;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Raises the escalation unless the claim's deadline has it already or its clock has stopped; a
     * timer that fires again (a retried job) changes nothing. A clock started again (a review, a
     * new payment deadline after one) escalates afresh. True when it was raised now.
     */
    @Transactional
    public boolean raise(long claimId, EscalationKind kind) {
        Optional<ClaimClock> running = clocks.find(claimId).filter(ClaimClock::running);
        if (running.isEmpty()) {
            return false;
        }
        ClaimClock c = running.get();
        Instant now = clock.instant();
        String holder = c.holderUser() != null ? c.holderUser() : c.holderGroup();
        Optional<Long> id = jdbc.sql("""
                        insert into sla_escalation (claim_id, kind, raised_at, due_date, stage, holder, clock_started_at)
                        values (:claim, :kind, :at, :due, :stage, :holder, :started)
                        on conflict (claim_id, kind, clock_started_at) do nothing returning id
                        """)
                .param("claim", claimId).param("kind", kind.name()).param("at", Timestamp.from(now))
                .param("started", Timestamp.from(c.startedAt()))
                .param("due", c.dueDate()).param("stage", c.stage().name()).param("holder", holder)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            return false;
        }
        ClaimSummary claim = summaries.byClaim(claimId);
        WorkingDayCalendar calendar = calendars.current();
        String today = WorkingDayCalendar.dayOf(now).toString();
        String standing = kind == EscalationKind.AT_RISK
                ? "剩余" + calendar.workingDaysBetween(WorkingDayCalendar.dayOf(now), c.dueDate()) + "个工作日"
                : "已超期";
        String kindCode = "SLA_" + kind.name();
        boolean review = !c.stage().ofPayment();
        String due = review ? "前作出复核结论" : "前支付";
        outbox.toStaff(Role.SUPERVISOR.groupId(), claimId, kindCode, kindCode + ":" + claimId + ":" + id.get(),
                Map.of("claimId", String.valueOf(claimId), "dueDate", c.dueDate().toString(), "stage", c.stage().label()),
                kind.label() + "督办：申请" + claimId + "（" + claim.memberName() + "）应于" + c.dueDate() + due,
                "会员" + claim.memberName() + "（" + claim.memberIdNumberMasked() + "），代办点" + claim.agencyCode()
                        + "，当前环节" + c.stage().label() + "，处理人" + (holder == null ? "待认领" : holder)
                        + "；" + (review ? "复核申请于" : "材料齐全于") + c.startDay() + "，应于" + c.dueDate()
                        + "（第" + c.workingDays() + "个工作日）" + due + "，截至" + today + standing + "。");
        metrics.escalated(kind);
        events.publishEvent(new EscalationRaised(claimId, kind));
        return true;
    }
}
