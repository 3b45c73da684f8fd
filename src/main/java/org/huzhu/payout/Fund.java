package org.huzhu.payout;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.huzhu.membership.Organisations;
import org.huzhu.platform.Money;
import org.huzhu.platform.Problems;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records money into the fund, lists what was recorded and answers a scheme year's balance at any time. */
@Service
public class Fund {

    private final JdbcClient jdbc;
    private final RuleSets ruleSets;
    private final Organisations organisations;
    private final Clock clock;

    Fund(JdbcClient jdbc, RuleSets ruleSets, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Records a contribution or subsidy; 400 with every problem and nothing stored when it is wrong. */
    @Transactional
    public long record(ContributionInput input, Staff staff) {
        check(input);
        boolean fromUnit = input.unitCode() != null;
        BigDecimal amount = fromUnit ? Money.roundToFen(input.perMember().multiply(BigDecimal.valueOf(input.members())))
                : input.amount();
        return jdbc.sql("""
                        insert into fund_contribution (scheme, scheme_year, unit_code, members, per_member, funder_code,
                            amount, note, recorded_by, recorded_at)
                        values (:scheme, :year, :unit, :members, :perMember, :funder, :amount, :note, :by, :at) returning id""")
                .param("scheme", input.scheme()).param("year", input.schemeYear()).param("unit", input.unitCode())
                .param("members", input.members()).param("perMember", input.perMember())
                .param("funder", input.funderCode()).param("amount", amount).param("note", input.note())
                .param("by", staff.userId()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** Every problem of the input at once (400), nothing stored; returns when it would be recorded. */
    public void check(ContributionInput input) {
        Problems problems = new Problems();
        if (input.scheme() == null || ruleSets.scheme(input.scheme()).isEmpty()) {
            problems.add("scheme", "UNKNOWN_SCHEME", "请填写已有的互助项目编码");
        }
        if (input.schemeYear() == null || input.schemeYear() < 2000 || input.schemeYear() > 2100) {
            problems.add("schemeYear", "INVALID_YEAR", "请填写保障年度（开始的年份，如2026）");
        }
        boolean fromUnit = input.unitCode() != null;
        if (fromUnit == (input.funderCode() != null)) {
            problems.add("unitCode", "UNIT_OR_FUNDER", "请填写缴费单位（unitCode）或补贴出资方（funderCode）之一");
        } else if (fromUnit) {
            if (organisations.unit(input.unitCode()).isEmpty()) {
                problems.add("unitCode", "UNKNOWN_UNIT", "单位不存在");
            }
            if (input.members() == null || input.members() <= 0) {
                problems.add("members", "NOT_POSITIVE", "参保人数须大于0");
            }
            positiveFen(problems, "perMember", input.perMember(), "每人缴费额");
        } else {
            positiveFen(problems, "amount", input.amount(), "补贴金额");
        }
        if (input.note() != null && input.note().length() > 200) {
            problems.add("note", "TOO_LONG", "备注最多200个字");
        }
        problems.throwIfAny();
    }

    public FundBalance balance(String scheme, int schemeYear) {
        BigDecimal contributions = sum("select coalesce(sum(amount), 0.00) from fund_contribution where scheme = :scheme and scheme_year = :year and unit_code is not null", scheme, schemeYear);
        BigDecimal subsidies = sum("select coalesce(sum(amount), 0.00) from fund_contribution where scheme = :scheme and scheme_year = :year and funder_code is not null", scheme, schemeYear);
        BigDecimal payouts = sum("""
                select coalesce(sum(amount), 0.00) from payment where scheme = :scheme and scheme_year = :year""", scheme, schemeYear);
        List<FundBalance.FunderPayout> byFunder = jdbc.sql("""
                        select s.funder_code, s.funder_name, sum(s.amount)
                        from payment_funder_share s join payment_instruction i on i.id = s.instruction_id
                        where i.status = 'CONFIRMED' and i.scheme = :scheme and i.scheme_year = :year
                        group by s.funder_code, s.funder_name order by s.funder_code""")
                .param("scheme", scheme).param("year", schemeYear)
                .query((row, n) -> new FundBalance.FunderPayout(row.getString(1), row.getString(2), row.getBigDecimal(3)))
                .list();
        return FundBalance.of(scheme, schemeYear, contributions, subsidies, payouts, byFunder);
    }

    /** A scheme year with money in or out. */
    public record SchemeYear(String scheme, int year) {
    }

    /** Every scheme year that has a contribution, a subsidy or a payment, newest year first. */
    public List<SchemeYear> years() {
        return jdbc.sql("""
                        select scheme, scheme_year from fund_contribution
                        union select scheme, scheme_year from payment
                        order by scheme_year desc, scheme""")
                .query((row, n) -> new SchemeYear(row.getString(1), row.getInt(2))).list();
    }

    /** The newest recorded contributions and subsidies first, at most {@code limit}. */
    public List<Contribution> contributions(int limit) {
        return jdbc.sql("""
                        select id, scheme, scheme_year, unit_code, members, per_member, funder_code, amount, note,
                               recorded_by, recorded_at
                        from fund_contribution order by id desc limit :limit""")
                .param("limit", limit)
                .query((row, n) -> new Contribution(row.getLong("id"), row.getString("scheme"), row.getInt("scheme_year"),
                        row.getString("unit_code"), row.getObject("members", Integer.class), row.getBigDecimal("per_member"),
                        row.getString("funder_code"), row.getBigDecimal("amount"), row.getString("note"),
                        row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private BigDecimal sum(String sql, String scheme, int year) {
        return jdbc.sql(sql).param("scheme", scheme).param("year", year).query(BigDecimal.class).single();
    }

    private static void positiveFen(Problems problems, String field, BigDecimal value, String label) {
        if (value == null || value.signum() <= 0) {
            problems.add(field, "NOT_POSITIVE", label + "须大于0");
        } else if (!Money.isFenExact(value)) {
            problems.add(field, "TOO_MANY_DECIMALS", label + "最多保留两位小数（分）");
        }
    }
}
