package org.huzhu.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.huzhu.claim.ClaimStatus;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.TransactionScoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims' payment clocks and their stage visits (tables claim_sla and claim_sla_stage). */
@Repository
public class ClaimClocks {

    private static final String SELECT = "select s.* from claim_sla s";

    private final JdbcClient jdbc;
    /**
     * Each clock read once per transaction: timers, due dates and task views all ask for it. Forgotten
     * on every write; a change of stage or holder of a clock read in the transaction keeps it as written.
     */
    private final TransactionScoped<Long, ClaimClock> read = new TransactionScoped<>();

    ClaimClocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClaimClock> find(long claimId) {
        return Optional.ofNullable(read.get(claimId, id -> jdbc.sql(SELECT + " where s.claim_id = :id").param("id", id)
                .query(ClaimClocks::map).optional().orElse(null)));
    }

    public List<ClaimClock> find(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where s.claim_id in (:ids)").param("ids", claimIds).query(ClaimClocks::map).list();
    }

    /** A clock of a list's claim and whether the process escalated it on its present deadline. */
    public record Listed(ClaimClock clock, boolean escalated) {
    }

    /** The clocks of a list's claims with their escalation, in one read. */
    public List<Listed> findForList(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.*, exists (select 1 from sla_escalation e
                                            where e.claim_id = s.claim_id and e.clock_started_at = s.started_at) as escalated
                        from claim_sla s where s.claim_id in (:ids)""")
                .param("ids", claimIds).query((row, n) -> new Listed(map(row, n), row.getBoolean("escalated"))).list();
    }

    /**
     * Clocks whose dates a calendar change for the given days can move: those running or stopped
     * within them, or due, or with a stage due, on or after the first of them.
     */
    List<ClaimClock> touching(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + """
                         where s.started_at < :end
                           and (s.due_date >= :from or s.stopped_at >= :start or s.stage_due_at >= :start)
                        """)
                .param("end", startOf(to.plusDays(1))).param("from", from).param("start", startOf(from))
                .query(ClaimClocks::map).list();
    }

    /** Starts the clock with the claim in its first stage. */
    void start(long claimId, long agencyId, int workingDays, Instant startedAt, Schedule schedule, SlaStage stage,
               Instant stageDueAt) {
        read.forget(claimId);
        jdbc.sql("""
                        insert into claim_sla (claim_id, agency_id, working_days, started_at, due_date, due_at, at_risk_at,
                                               stage, stage_since, stage_due_at)
                        values (:claim, :agency, :days, :started, :dueDate, :dueAt, :atRiskAt, :stage, :started, :stageDue)
                        """)
                .param("claim", claimId).param("agency", agencyId).param("days", workingDays)
                .param("started", Timestamp.from(startedAt)).param("dueDate", schedule.dueDate())
                .param("dueAt", Timestamp.from(schedule.dueAt())).param("atRiskAt", Timestamp.from(schedule.atRiskAt()))
                .param("stage", stage.name()).param("stageDue", Timestamp.from(stageDueAt))
                .update();
        openVisit(claimId, stage, startedAt);
    }

    /**
     * Starts the clock again, or for the first time, on a new deadline: a review of a rejection
     * (its own deadline) or a claim audited again after one (a new payment deadline from that day).
     */
    void restart(long claimId, long agencyId, int workingDays, Instant startedAt, Schedule schedule, SlaStage stage,
                 Instant stageDueAt) {
        read.forget(claimId);
        leaveStage(claimId, startedAt);
        jdbc.sql("""
                        insert into claim_sla (claim_id, agency_id, working_days, started_at, due_date, due_at, at_risk_at,
                                               stage, stage_since, stage_due_at)
                        values (:claim, :agency, :days, :started, :dueDate, :dueAt, :atRiskAt, :stage, :started, :stageDue)
                        on conflict (claim_id) do update set working_days = excluded.working_days,
                            started_at = excluded.started_at, due_date = excluded.due_date, due_at = excluded.due_at,
                            at_risk_at = excluded.at_risk_at, stage = excluded.stage, stage_since = excluded.stage_since,
                            stage_due_at = excluded.stage_due_at, holder_user = null, holder_group = null,
                            stopped_at = null, outcome = null, working_days_to_pay = null, paid_in_time = null
                        """)
                .param("claim", claimId).param("agency", agencyId).param("days", workingDays)
                .param("started", Timestamp.from(startedAt)).param("dueDate", schedule.dueDate())
                .param("dueAt", Timestamp.from(schedule.dueAt())).param("atRiskAt", Timestamp.from(schedule.atRiskAt()))
                .param("stage", stage.name()).param("stageDue", Timestamp.from(stageDueAt))
                .update();
        openVisit(claimId, stage, startedAt);
    }

    void reschedule(long claimId, Schedule schedule) {
        read.forget(claimId);
        jdbc.sql("update claim_sla set due_date = :dueDate, due_at = :dueAt, at_risk_at = :atRiskAt where claim_id = :claim")
                .param("claim", claimId).param("dueDate", schedule.dueDate())
                .param("dueAt", Timestamp.from(schedule.dueAt())).param("atRiskAt", Timestamp.from(schedule.atRiskAt()))
                .update();
    }

    /** The claim leaves its stage (if any) and enters the next; nobody holds it until a task is created. */
    void enterStage(long claimId, SlaStage stage, Instant at, Instant stageDueAt) {
        ClaimClock held = read.held(claimId);
        read.forget(claimId);
        leaveStage(claimId, at);
        openVisit(claimId, stage, at);
        jdbc.sql("""
                        update claim_sla set stage = :stage, stage_since = :at, stage_due_at = :stageDue,
                            holder_user = null, holder_group = null
                        where claim_id = :claim
                        """)
                .param("claim", claimId).param("stage", stage.name()).param("at", Timestamp.from(at))
                .param("stageDue", Timestamp.from(stageDueAt)).update();
        if (held != null) {
            read.put(claimId, new ClaimClock(held.claimId(), held.agencyId(), held.workingDays(), held.startedAt(),
                    held.dueDate(), held.dueAt(), held.atRiskAt(), stage, at, stageDueAt, null, null, held.stoppedAt(),
                    held.outcome(), held.workingDaysToPay(), held.paidInTime()));
        }
    }

    void stageDue(long claimId, Instant stageDueAt) {
        read.forget(claimId);
        jdbc.sql("update claim_sla set stage_due_at = :stageDue where claim_id = :claim")
                .param("claim", claimId).param("stageDue", Timestamp.from(stageDueAt)).update();
    }

    /** Stops the clock; a paid claim keeps how many working days it took and whether that was in time. */
    void stop(long claimId, Instant at, ClaimStatus outcome, Integer workingDaysToPay, Boolean paidInTime) {
        read.forget(claimId);
        leaveStage(claimId, at);
        jdbc.sql("""
                        update claim_sla set stopped_at = :at, outcome = :outcome, stage = null, stage_since = null,
                            stage_due_at = null, holder_user = null, holder_group = null,
                            working_days_to_pay = :days, paid_in_time = :inTime
                        where claim_id = :claim
                        """)
                .param("claim", claimId).param("at", Timestamp.from(at)).param("outcome", outcome.name())
                .param("days", workingDaysToPay).param("inTime", paidInTime).update();
    }

    void paymentFigures(long claimId, Integer workingDaysToPay, Boolean paidInTime) {
        read.forget(claimId);
        jdbc.sql("update claim_sla set working_days_to_pay = :days, paid_in_time = :inTime where claim_id = :claim")
                .param("claim", claimId).param("days", workingDaysToPay).param("inTime", paidInTime).update();
    }

    /** Who holds the claim now: a user who took the task, else the group it is offered to. */
    void holder(long claimId, String user, String group) {
        ClaimClock held = read.held(claimId);
        read.forget(claimId);
        jdbc.sql("update claim_sla set holder_user = :user, holder_group = :group where claim_id = :claim and stopped_at is null")
                .param("claim", claimId).param("user", user).param("group", group).update();
        if (held != null && held.running()) {
            read.put(claimId, new ClaimClock(held.claimId(), held.agencyId(), held.workingDays(), held.startedAt(),
                    held.dueDate(), held.dueAt(), held.atRiskAt(), held.stage(), held.stageSince(), held.stageDueAt(),
                    user, group, null, held.outcome(), held.workingDaysToPay(), held.paidInTime()));
        }
    }

    public List<StageVisit> visits(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from claim_sla_stage where claim_id in (:ids) order by claim_id, id")
                .param("ids", claimIds)
                .query((row, n) -> new StageVisit(row.getLong("claim_id"), SlaStage.valueOf(row.getString("stage")),
                        instant(row, "entered_at"), instant(row, "left_at")))
                .list();
    }

    private void openVisit(long claimId, SlaStage stage, Instant at) {
        jdbc.sql("insert into claim_sla_stage (claim_id, stage, entered_at) values (:claim, :stage, :at)")
                .param("claim", claimId).param("stage", stage.name()).param("at", Timestamp.from(at)).update();
    }

    private void leaveStage(long claimId, Instant at) {
        jdbc.sql("update claim_sla_stage set left_at = :at where claim_id = :claim and left_at is null")
                .param("claim", claimId).param("at", Timestamp.from(at)).update();
    }

    private static ClaimClock map(ResultSet row, int rowNumber) throws SQLException {
        String stage = row.getString("stage");
        String outcome = row.getString("outcome");
        return new ClaimClock(row.getLong("claim_id"), row.getLong("agency_id"),
                row.getInt("working_days"), instant(row, "started_at"), row.getObject("due_date", LocalDate.class),
                instant(row, "due_at"), instant(row, "at_risk_at"), stage == null ? null : SlaStage.valueOf(stage),
                instant(row, "stage_since"), instant(row, "stage_due_at"), row.getString("holder_user"),
                row.getString("holder_group"), instant(row, "stopped_at"),
                outcome == null ? null : ClaimStatus.valueOf(outcome), (Integer) row.getObject("working_days_to_pay"),
                (Boolean) row.getObject("paid_in_time"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(Beijing.ZONE).toInstant());
    }
}
