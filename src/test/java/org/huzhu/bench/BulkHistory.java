package org.huzhu.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.huzhu.membership.ResidentIdNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk that the API would take hours to build, loaded by SQL straight into our tables:
 * members in units of about a hundred, enrolled year by year since they joined, closed claims
 * of the past five years (paid or rejected, with their payment clocks and payments), and open
 * claims waiting at the agency check or the league audit with their clocks and auditors' work
 * items. The open claims have no
 * process instance: the lists and views timed here read only our tables.
 */
final class BulkHistory {

    private static final long FIRST_PERSON = 1_000_000;
    private static final int MEMBERS_PER_UNIT = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final int agencyCount;
    private final int memberCount;

    BulkHistory(JdbcClient jdbc, JdbcTemplate template, int agencyCount, int memberCount) {
        this.jdbc = jdbc;
        this.template = template;
        this.agencyCount = agencyCount;
        this.memberCount = memberCount;
    }

    void load(int open, int closed) {
        // a million claims in a few statements would update each roll-up row a thousand times in
        // one transaction; the statistics' triggers rest meanwhile and the roll-ups are counted
        // once afterwards, as operations.md has it for rows written by hand
        statisticsTriggers("disable");
        Members members = members();
        insertClaims(members, closed, false);
        jdbc.sql("""
                insert into claim_sla (claim_id, agency_id, working_days, started_at, due_date, due_at, at_risk_at,
                    stopped_at, outcome, working_days_to_pay, paid_in_time)
                select id, agency_id, 10, materials_complete_at,
                    ((materials_complete_at + interval '14 days') at time zone 'Asia/Shanghai')::date,
                    materials_complete_at + interval '14 days', materials_complete_at + interval '12 days',
                    coalesce(paid_at, materials_complete_at + interval '3 days'),
                    case when status = 'PAID' then 'PAID' else 'REJECTED' end,
                    case when status = 'PAID' then (id % 14)::int + 1 end,
                    case when status = 'PAID' then id % 14 < 10 end
                from claim where submitted_by = 'bench-closed'
                """).update();
        jdbc.sql("""
                insert into payment (claim_id, amount, bank_account_masked, paid_at, scheme, scheme_year)
                select id, subsidy, '6222***********0128', paid_at, scheme, scheme_year from claim
                where submitted_by = 'bench-closed' and status = 'PAID'
                """).update();
        insertClaims(members, open, true);
        // the supervisors' lists find a claim's member and agency through its process instance id
        jdbc.sql("update claim set process_instance_id = 'bulk-' || id where submitted_by = 'bench-open'").update();
        jdbc.sql("""
                insert into claim_sla (claim_id, agency_id, working_days, started_at, due_date, due_at, at_risk_at,
                    stage, stage_since, stage_due_at, holder_group)
                select c.id, c.agency_id, 10, c.materials_complete_at, d.due_date,
                    (d.due_date + 1)::timestamp at time zone 'Asia/Shanghai', d.at_risk_day::timestamp at time zone 'Asia/Shanghai',
                    c.status, c.materials_complete_at, (d.stage_due_day + 1)::timestamp at time zone 'Asia/Shanghai',
                    case when c.status = 'AGENCY_CHECK' then 'agency-auditor-' || a.code else 'league-auditor' end
                from claim c join agency a on a.id = c.agency_id,
                    -- deadlines fall on Beijing day boundaries, as the payment clock sets them
                    lateral (select ((c.materials_complete_at + interval '14 days') at time zone 'Asia/Shanghai')::date as due_date,
                                    ((c.materials_complete_at + interval '12 days') at time zone 'Asia/Shanghai')::date as at_risk_day,
                                    ((c.materials_complete_at + interval '5 days') at time zone 'Asia/Shanghai')::date as stage_due_day) d
                where c.submitted_by = 'bench-open'
                """).update();
        jdbc.sql("""
                insert into work_item (task_id, claim_id, process_instance_id, stage, name, created_at, due_at, urgent,
                    agency_code, scheme, member_name, member_id_masked, eligible_amount, subsidy)
                select c.process_instance_id, c.id, c.process_instance_id,
                    case when c.status = 'AGENCY_CHECK' then 'AgencyCheck' else 'LeagueAudit' end,
                    case when c.status = 'AGENCY_CHECK' then '代办点审核' else '协会审核' end,
                    c.materials_complete_at, s.due_at, c.id % 100 = 0, a.code, c.scheme, '压测会员',
                    '410502********123X', c.eligible_amount, c.subsidy
                from claim c join agency a on a.id = c.agency_id join claim_sla s on s.claim_id = c.id
                where c.submitted_by = 'bench-open'
                """).update();
        jdbc.sql("""
                insert into work_item_group (task_id, group_id, urgent, due_at, created_at)
                select w.task_id, s.holder_group, w.urgent, w.due_at, w.created_at
                from work_item w join claim_sla s on s.claim_id = w.claim_id where w.task_id like 'bulk-%'
                """).update();
        statisticsTriggers("enable");
        jdbc.sql("select statistics_rebuild()").query().singleRow();
        // as autovacuum would in time: statistics, and the visibility map for index-only scans
        for (String table : List.of("unit", "member", "enrolment", "claim", "claim_sla", "sla_open_tally", "sla_paid_tally", "payment", "work_item",
                "work_item_group", "statistics_claim_tally", "statistics_days_tally", "statistics_funder_tally",
                "statistics_enrolment_tally")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
    }

    private void statisticsTriggers(String state) {
        for (String trigger : jdbc.sql("""
                        select format('alter table %I %s trigger %I', c.relname, :state, t.tgname)
                        from pg_trigger t join pg_class c on c.oid = t.tgrelid
                        where t.tgname like 'statistics\\_%' and c.relname in ('claim', 'payment', 'claim_sla', 'enrolment')""")
                .param("state", state).query(String.class).list()) {
            jdbc.sql(trigger).update();
        }
    }

    /** The bulk members (consecutive ids), the bench agencies' ids as an SQL array, the rule set. */
    private record Members(long firstId, int count, String agencyIds, long ruleSetId) {
    }

    /**
     * Members round robin over the agencies, so member j belongs to agency j mod agencies, and in
     * each agency over its units of about a hundred. Enrolled for each scheme year from the year
     * they joined (2021 to 2026) to 2026, as yearly imports enrol them: one in five joined during
     * the year, one in seven left after two years, one in eleven was not enrolled in 2024.
     */
    private Members members() {
        int unitsPerAgency = Math.max(1, memberCount / agencyCount / MEMBERS_PER_UNIT);
        List<List<Long>> units = new ArrayList<>();
        for (int i = 0; i < agencyCount; i++) {
            units.add(jdbc.sql("""
                    insert into unit (code, name, agency_id)
                    select :agency || '-BULK-' || lpad(k::text, 3, '0'), '压测批量单位' || k, a.id
                    from agency a, generate_series(1, :units) k where a.code = :agency
                    returning id
                    """).param("agency", BenchSetup.agency(i)).param("units", unitsPerAgency).query(Long.class).list()
                    .stream().sorted().toList());
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < memberCount; j++) {
            ResidentIdNumber id = ResidentIdNumber.parse(BenchSetup.idNumber(FIRST_PERSON + j)).orElseThrow();
            rows.add(new Object[] {id.value(), Date.valueOf(id.birthDate()), id.sex().name(),
                    units.get(j % agencyCount).get(j / agencyCount % unitsPerAgency), now});
        }
        template.batchUpdate("""
                insert into member (id_number, name, birth_date, sex, unit_id, insurance_type, created_at)
                values (?, '压测会员', ?, ?, ?, 'EMPLOYEE', ?)
                """, rows);
        jdbc.sql("""
                insert into enrolment (member_id, scheme, valid_from, valid_to)
                select m.id, 'INPATIENT',
                       make_date(y, 1, 1) + case when y = j.joined and m.id % 5 = 0 then (m.id * 7 % 300)::int else 0 end,
                       make_date(y, 12, 31)
                from member m join unit u on u.id = m.unit_id,
                     lateral (select 2021 + (m.id % 6)::int as joined) j,
                     generate_series(j.joined, case when m.id % 7 = 0 then least(j.joined + 1, 2026) else 2026 end) y
                where u.code like 'BENCH-%-BULK-%' and not (m.id % 11 = 0 and y = 2024)
                """).update();
        long first = jdbc.sql("select min(id) from member where id_number = :id")
                .param("id", BenchSetup.idNumber(FIRST_PERSON)).query(Long.class).single();
        long last = jdbc.sql("select id from member where id_number = :id")
                .param("id", BenchSetup.idNumber(FIRST_PERSON + memberCount - 1)).query(Long.class).single();
        if (last - first + 1 != memberCount) {
            throw new IllegalStateException("bulk members did not get consecutive ids");
        }
        List<Long> agencies = new ArrayList<>();
        for (int i = 0; i < agencyCount; i++) {
            agencies.add(jdbc.sql("select id from agency where code = :code").param("code", BenchSetup.agency(i))
                    .query(Long.class).single());
        }
        long ruleSet = jdbc.sql("""
                select r.id from rule_set r join organiser o on o.id = r.organiser_id
                where o.code = :organiser and r.scheme = 'INPATIENT' order by r.version desc limit 1
                """).param("organiser", BenchSetup.ORGANISER).query(Long.class).single();
        return new Members(first, memberCount,
                "{" + String.join(",", agencies.stream().map(String::valueOf).toList()) + "}", ruleSet);
    }

    /**
     * Closed claims: submitted 30 days to five years ago, one in ten rejected, paid eight days
     * after submission. Open claims: submitted in the last 20 days (so some are breached), three
     * in five at the agency check. Stage and dates come from hashes of the row number, so they
     * do not line up with the agency (member) the row number picks.
     */
    private void insertClaims(Members members, int count, boolean open) {
        String status = open ? "case when t.h1 % 5 < 3 then 'AGENCY_CHECK' else 'LEAGUE_AUDIT' end"
                : "case when t.h1 % 10 = 0 then 'REJECTED' else 'PAID' end";
        String submitted = open ? "now() - (h2 % 20) * interval '1 day' - (h2 % 1440) * interval '1 minute'"
                : "now() - interval '30 days' - (h2 % 1800) * interval '1 day'";
        String subsidy = open ? "case when t.h1 % 5 < 3 then null else 800 end"
                : "case when t.h1 % 10 = 0 then null else 800 end";
        String paidAt = open ? "null::timestamptz" : "case when t.h1 % 10 = 0 then null else t.s + interval '8 days' end";
        jdbc.sql("""
                insert into claim (member_id, scheme, agency_id, status, admission_date, discharge_date, hospital,
                    diagnosis, expense_total, policy_scope, fund_paid, critical_illness_paid, medical_assistance_paid,
                    bank_name, bank_account_number, bank_account_name, rule_set_id, scheme_year, eligible_amount,
                    subsidy, rejection_reason, submitted_by, submitted_at, materials_complete_at, paid_at,
                    member_name, member_id_masked, agency_code, benefit_kind)
                select :first + g % :members, 'INPATIENT', (cast(:agencies as bigint[]))[1 + (g % :members) % :agencyCount],
                    {status}, (t.s at time zone 'Asia/Shanghai')::date - 20, (t.s at time zone 'Asia/Shanghai')::date - 10,
                    '安阳市人民医院', '社区获得性肺炎', 5000.00, 4000.00, 1500.00, 300.00, 200.00,
                    '中国工商银行', '6222021234567890128', '压测会员', :ruleSet, extract(year from t.s)::int, 2000.00, {subsidy},
                    case when {status} = 'REJECTED' then '协会审核驳回：压测' end, :by, t.s, t.s, {paidAt},
                    m.name, left(m.id_number, 6) || '********' || right(m.id_number, 4), m.agency_code, 'EXPENSE'
                from generate_series(1, :count) g,
                    lateral (select h1, h2, {submitted} as s
                             from (select abs(hashint4(g)::bigint) as h1, abs(hashint4(-g)::bigint) as h2) h) t,
                    -- the copies intake keeps of the member and its agency
                    lateral (select m.name, m.id_number, a.code as agency_code
                             from member m join unit u on u.id = m.unit_id join agency a on a.id = u.agency_id
                             where m.id = :first + g % :members) m
                """.replace("{status}", status).replace("{subsidy}", subsidy).replace("{paidAt}", paidAt)
                        .replace("{submitted}", submitted))
                .param("first", members.firstId()).param("members", members.count())
                .param("agencies", members.agencyIds()).param("agencyCount", agencyCount)
                .param("ruleSet", members.ruleSetId()).param("by", open ? "bench-open" : "bench-closed")
                .param("count", count).update();
    }
}
