package org.huzhu.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roll-ups of the clocks (tables sla_open_tally and sla_paid_tally, kept by a trigger on
 * claim_sla): open claims by state at any moment, at the same cost with a hundred thousand of them.
 */
@Repository
public class SlaTallies {

    /** The open claims' counts by state over {@code sla_open_tally t}, as of {@code :now}. */
    public static final String OPEN_COUNTS = """
            coalesce(sum(t.open), 0) as open,
            coalesce(sum(t.open) filter (where t.at_risk_at <= :now and t.due_at > :now), 0) as at_risk,
            coalesce(sum(t.open) filter (where t.due_at <= :now), 0) as breached,
            coalesce(sum(t.open) filter (where t.stage_due_at <= :now), 0) as over_budget
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    SlaTallies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OpenClaims openTotals() {
        return jdbc.sql("select " + OPEN_COUNTS + " from sla_open_tally t")
                .param("now", Timestamp.from(clock.instant()))
                .query((row, n) -> new OpenClaims(null, null, null, row.getLong("open"), row.getLong("at_risk"),
                        row.getLong("breached"), row.getLong("over_budget")))
                .single();
    }

    /**
     * The years the running clocks count through. Spelt out from each tally's first and last year:
     * PostgreSQL guesses a thousand years per clock and starts parallel workers otherwise.
     */
    public List<Integer> yearsCounted() {
        return jdbc.sql("select distinct start_year, extract(year from due_date)::int from sla_open_tally")
                .query((row, n) -> IntStream.rangeClosed(row.getInt(1), row.getInt(2)).boxed().toList())
                .list().stream().flatMap(List::stream).distinct().toList();
    }
}
