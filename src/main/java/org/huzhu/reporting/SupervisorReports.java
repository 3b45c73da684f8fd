package org.huzhu.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.SlaState;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.membership.Agency;
import org.huzhu.membership.Organisations;
import org.huzhu.platform.Beijing;
import org.huzhu.sla.ClaimClock;
import org.huzhu.sla.ClaimClocks;
import org.huzhu.sla.Compliance;
import org.huzhu.sla.OpenClaims;
import org.huzhu.sla.SlaOverview;
import org.huzhu.sla.SlaStage;
import org.huzhu.sla.SlaTallies;
import org.huzhu.sla.UrgentClaim;
import org.huzhu.sla.WorkingDayCalendar;
import org.huzhu.sla.WorkingDayCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What supervisors look at each morning, a read model across modules. Counters and compliance
 * come from the roll-ups of the clocks ({@link SlaTallies}), so they cost the same with a hundred
 * thousand open claims and millions of payments; the lists of urgent claims read the clocks
 * through their partial indexes. Reads the tables {@code sla_open_tally}, {@code sla_paid_tally}
 * and {@code claim_sla} (sla), {@code agency} (membership) and {@code claim} (claim); the urgent
 * list's claims come through {@link ClaimSummaries}.
 */
@Service
public class SupervisorReports {

    /**
     * Payments of each key (agency or month) from the histogram of working days to pay. A
     * percentile is read as percentile_disc reads it: the first value whose running count reaches
     * ceil(p * n) (with p * n in double precision, as PostgreSQL computes it).
     */
    private static final String PAID_FIGURES = """
            with bucket as (
                select {key} as key, t.working_days_to_pay as days, sum(t.paid) as paid,
                       sum(t.paid_in_time) as paid_in_time
                from sla_paid_tally t join agency a on a.id = t.agency_id
                where t.month >= :from and t.month < :to {filter}
                group by 1, 2
            ), running as (
                select b.*, sum(b.paid) over (partition by b.key order by b.days) as upto,
                       sum(b.paid) over (partition by b.key) as total
                from bucket b
            )
            select key, sum(paid) as paid, sum(paid_in_time) as paid_in_time,
                   min(days) filter (where upto >= ceil(0.5::float8 * total::float8)) as median,
                   min(days) filter (where upto >= ceil(0.9::float8 * total::float8)) as p90
            from running group by key
            """;

    private final JdbcClient jdbc;
    private final SlaTallies tallies;
    private final ClaimClocks clocks;
    private final SlaStatuses statuses;
    private final ClaimSummaries summaries;
    private final Organisations organisations;
    private final WorkingDayCalendars calendars;
    private final Clock clock;

    SupervisorReports(JdbcClient jdbc, SlaTallies tallies, ClaimClocks clocks, SlaStatuses statuses,
                      ClaimSummaries summaries, Organisations organisations, WorkingDayCalendars calendars, Clock clock) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.clocks = clocks;
        this.statuses = statuses;
        this.summaries = summaries;
        this.organisations = organisations;
        this.calendars = calendars;
        this.clock = clock;
    }

    public SlaOverview overview() {
        Instant now = clock.instant();
        LocalDate today = WorkingDayCalendar.dayOf(now);
        long awaiting = jdbc.sql("select count(*) from claim where status = 'AWAITING_SUPPLEMENTS'")
                .query(Long.class).single();
        WorkingDayCalendar calendar = calendars.current();
        // the years the running clocks count through, and this year
        List<Integer> missing = Stream.concat(tallies.yearsCounted().stream(), Stream.of(today.getYear()))
                .distinct().sorted().filter(year -> !calendar.isPublished(year)).toList();
        YearMonth month = YearMonth.from(today);
        return new SlaOverview(now.atZone(Beijing.ZONE).toOffsetDateTime(), openTotals(), awaiting,
                complianceByMonth(month, month, null).get(0), missing);
    }

    public OpenClaims openTotals() {
        return tallies.openTotals();
    }

    /** Open claims by agency and stage, stages in process order. */
    public List<OpenClaims> openByAgencyAndStage() {
        return jdbc.sql("select a.code, a.name, t.stage, " + SlaTallies.OPEN_COUNTS + """
                         from sla_open_tally t join agency a on a.id = t.agency_id
                         group by a.code, a.name, t.stage
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> openClaims(row, row.getString("code"), row.getString("name"),
                        SlaStage.valueOf(row.getString("stage"))))
                .list().stream()
                .sorted(Comparator.comparing(OpenClaims::agencyCode).thenComparing(OpenClaims::stage))
                .toList();
    }

    /**
     * Open claims at risk or breached, the most urgent first: the earliest deadline (so the
     * longest overdue) at the top.
     */
    public List<UrgentClaim> urgent(SlaState state, int limit) {
        String condition = switch (state) {
            case AT_RISK -> "s.at_risk_at <= :now and s.due_at > :now";
            case BREACHED -> "s.due_at <= :now";
            default -> throw new IllegalArgumentException("only AT_RISK or BREACHED claims are listed: " + state);
        };
        List<Long> ids = jdbc.sql("select s.claim_id from claim_sla s where s.stopped_at is null and " + condition
                        + " order by s.due_at, s.claim_id limit :limit")
                .param("now", Timestamp.from(clock.instant())).param("limit", limit).query(Long.class).list();
        Map<Long, ClaimClock> clockById = clocks.find(ids).stream()
                .collect(Collectors.toMap(ClaimClock::claimId, Function.identity()));
        Map<Long, ClaimSummary> claims = summaries.byClaims(ids).stream().collect(Collectors.toMap(ClaimSummary::claimId, Function.identity()));
        Map<String, String> agencyNames = organisations.agencies().stream()
                .collect(Collectors.toMap(Agency::code, Agency::name));
        Map<Long, SlaStatus> status = statuses.of(ids);
        List<UrgentClaim> rows = new ArrayList<>();
        for (long id : ids) {
            ClaimClock c = clockById.get(id);
            ClaimSummary claim = claims.get(id);
            SlaStatus sla = status.get(id);
            rows.add(new UrgentClaim(id, claim.processInstanceId(), claim.memberName(), claim.memberIdNumberMasked(),
                    claim.agencyCode(), agencyNames.get(claim.agencyCode()), c.stage(), c.stage().label(),
                    c.stageSince().atZone(Beijing.ZONE).toOffsetDateTime(), c.holderUser(), c.holderGroup(),
                    c.dueDate(), sla.state(), sla.workingDaysLeft(), sla.workingDaysOverdue(), sla.urgent(),
                    sla.stages()));
        }
        return rows;
    }

    /** Payments per agency in the months given (by payment date, Beijing); every agency is listed. */
    public List<Compliance> complianceByAgency(YearMonth from, YearMonth to) {
        String figures = PAID_FIGURES.replace("{key}", "a.code").replace("{filter}", "");
        return jdbc.sql("select a.code as key, a.name as label, f.paid, f.paid_in_time, f.median, f.p90 from agency a"
                        + " left join (" + figures + ") f on f.key = a.code order by a.code")
                .param("from", from.atDay(1)).param("to", to.plusMonths(1).atDay(1))
                .query((row, n) -> compliance(row, row.getString("key"), row.getString("label"))).list();
    }

    /** Payments per month, of one agency or of all; months without payments are listed too. */
    public List<Compliance> complianceByMonth(YearMonth from, YearMonth to, String agencyCode) {
        String figures = PAID_FIGURES.replace("{key}", "to_char(t.month, 'YYYY-MM')")
                .replace("{filter}", "and (cast(:agency as varchar) is null or a.code = :agency)");
        Map<String, Compliance> found = jdbc.sql(figures)
                .param("from", from.atDay(1)).param("to", to.plusMonths(1).atDay(1)).param("agency", agencyCode)
                .query((row, n) -> compliance(row, row.getString("key"), label(YearMonth.parse(row.getString("key")))))
                .list().stream().collect(Collectors.toMap(Compliance::key, Function.identity()));
        List<Compliance> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(found.getOrDefault(month.toString(),
                    new Compliance(month.toString(), label(month), 0, 0, null, null, null)));
        }
        return months;
    }

    private static OpenClaims openClaims(ResultSet row, String agencyCode, String agencyName, SlaStage stage)
            throws SQLException {
        return new OpenClaims(agencyCode, agencyName, stage, row.getLong("open"), row.getLong("at_risk"),
                row.getLong("breached"), row.getLong("over_budget"));
    }

    private static Compliance compliance(ResultSet row, String key, String label) throws SQLException {
        long paid = row.getLong("paid");
        long inTime = row.getLong("paid_in_time");
        BigDecimal percent = paid == 0 ? null
                : BigDecimal.valueOf(inTime * 100).divide(BigDecimal.valueOf(paid), 1, RoundingMode.HALF_UP);
        return new Compliance(key, label, paid, inTime, percent, (Integer) row.getObject("median"),
                (Integer) row.getObject("p90"));
    }

    private static String label(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }
}
