package org.huzhu.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics' roll-ups (V30, V31) against the base tables, counted here from scratch: every
 * row of each tally equals a group-by over every claim, payment, clock, funder share and enrolment
 * in the database, in one statement so it reads one snapshot.
 */
public final class StatisticsTallies {

    private static final String MONTH = "make_date(extract(year from c.submitted_at at time zone 'Asia/Shanghai')::int,"
            + " extract(month from c.submitted_at at time zone 'Asia/Shanghai')::int, 1)";

    private static final String CLAIMS_COUNTED = """
            select c.scheme, %s as month, c.agency_id, m.unit_id, count(*) as submitted,
                   sum(case when c.status = 'REJECTED' then 1 else 0 end) as rejected,
                   sum(case when p.id is null then 0 else 1 end) as paid, coalesce(sum(p.amount), 0) as amount,
                   max(p.amount) as largest,
                   sum(case when s.outcome = 'PAID' then 1 else 0 end) as clocked,
                   sum(case when s.outcome = 'PAID' and s.paid_in_time then 1 else 0 end) as in_time
            from claim c join member m on m.id = c.member_id
            left join payment p on p.claim_id = c.id left join claim_sla s on s.claim_id = c.id
            group by 1, 2, 3, 4""".formatted(MONTH);

    private static final String CLAIMS_TALLIED = """
            select scheme, month, agency_id, unit_id, submitted, rejected, paid, amount, largest, clocked, in_time
            from statistics_claim_tally where submitted > 0""";

    private static final String DAYS_COUNTED = """
            select c.scheme, %s as month, c.agency_id, s.working_days_to_pay, count(*)
            from claim_sla s join claim c on c.id = s.claim_id where s.outcome = 'PAID' group by 1, 2, 3, 4"""
            .formatted(MONTH);

    private static final String DAYS_TALLIED = """
            select scheme, month, agency_id, working_days, paid from statistics_days_tally where paid > 0""";

    private static final String FUNDERS_COUNTED = """
            select c.scheme, %s as month, c.agency_id, f.funder_code, sum(f.amount)
            from payment p join claim c on c.id = p.claim_id
            join payment_funder_share f on f.instruction_id = p.instruction_id group by 1, 2, 3, 4""".formatted(MONTH);

    private static final String FUNDERS_TALLIED = """
            select scheme, month, agency_id, funder_code, amount from statistics_funder_tally""";

    /** earlier_to: the last day the member's enrolments in the scheme before this one cover (by from, id). */
    private static final String ENROLMENTS_COUNTED = """
            select e.scheme, u.agency_id, m.unit_id, e.valid_from, e.valid_to, e.earlier_to, count(*)
            from (select r.*, coalesce((select max(b.valid_to) from enrolment b
                                        where b.member_id = r.member_id and b.scheme = r.scheme
                                          and (b.valid_from < r.valid_from or b.valid_from = r.valid_from and b.id < r.id)),
                                       '-infinity') as earlier_to
                  from enrolment r) e
            join member m on m.id = e.member_id join unit u on u.id = m.unit_id group by 1, 2, 3, 4, 5, 6""";

    private static final String ENROLMENTS_TALLIED = """
            select scheme, agency_id, unit_id, valid_from, valid_to, earlier_to, enrolments
            from statistics_enrolment_tally where enrolments <> 0""";

    private StatisticsTallies() {
    }

    /** Fails with the rows that differ, if any. */
    public static void assertMatchTheBaseTables(JdbcClient jdbc) {
        assertThat(differences(jdbc, CLAIMS_COUNTED, CLAIMS_TALLIED)).as("statistics_claim_tally").isEmpty();
        assertThat(differences(jdbc, DAYS_COUNTED, DAYS_TALLIED)).as("statistics_days_tally").isEmpty();
        assertThat(differences(jdbc, FUNDERS_COUNTED, FUNDERS_TALLIED)).as("statistics_funder_tally").isEmpty();
        assertThat(differences(jdbc, ENROLMENTS_COUNTED, ENROLMENTS_TALLIED)).as("statistics_enrolment_tally").isEmpty();
    }

    private static java.util.List<String> differences(JdbcClient jdbc, String counted, String tallied) {
        return jdbc.sql("select 'counted ' || d::text from ((" + counted + ") except (" + tallied + ")) d"
                        + " union all select 'tallied ' || d::text from ((" + tallied + ") except (" + counted + ")) d")
                .query(String.class).list();
    }
}
