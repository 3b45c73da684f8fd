package org.huzhu.payout;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Money recorded into a scheme year's fund (table fund_contribution): units' contributions and funders' subsidies. */
@Repository
class FundContributions {

    private final JdbcClient jdbc;

    FundContributions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the contribution or subsidy of {@code amount} yuan; its id. */
    long add(ContributionInput input, BigDecimal amount, String recordedBy, Instant at) {
        return jdbc.sql("""
                        insert into fund_contribution (scheme, scheme_year, unit_code, members, per_member, funder_code,
                            amount, note, recorded_by, recorded_at, enrolment_import_id)
                        values (:scheme, :year, :unit, :members, :perMember, :funder, :amount, :note, :by, :at, :import)
                        returning id""")
                .param("import", input.enrolmentImportId())
                .param("scheme", input.scheme()).param("year", input.schemeYear()).param("unit", input.unitCode())
                .param("members", input.members()).param("perMember", input.perMember())
                .param("funder", input.funderCode()).param("amount", amount).param("note", input.note())
                .param("by", recordedBy).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** What the units contributed to the scheme year. */
    BigDecimal fromUnits(String scheme, int schemeYear) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0.00) from fund_contribution
                        where scheme = :scheme and scheme_year = :year and unit_code is not null""")
                .param("scheme", scheme).param("year", schemeYear).query(BigDecimal.class).single();
    }

    /** What the funders added to the scheme year as subsidies. */
    BigDecimal fromFunders(String scheme, int schemeYear) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0.00) from fund_contribution
                        where scheme = :scheme and scheme_year = :year and funder_code is not null""")
                .param("scheme", scheme).param("year", schemeYear).query(BigDecimal.class).single();
    }

    /** Every scheme year with a contribution, a subsidy or a payment, newest year first. */
    List<Fund.SchemeYear> years() {
        return jdbc.sql("""
                        select scheme, scheme_year from fund_contribution
                        union select scheme, scheme_year from payment
                        order by scheme_year desc, scheme""")
                .query((row, n) -> new Fund.SchemeYear(row.getString(1), row.getInt(2))).list();
    }

    /** The newest recorded contributions and subsidies first, at most {@code limit}. */
    List<Contribution> newest(int limit) {
        return jdbc.sql(COLUMNS + " order by id desc limit :limit").param("limit", limit)
                .query(FundContributions::contribution).list();
    }

    Optional<Contribution> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(FundContributions::contribution).optional();
    }

    /** The contribution recorded for each of these imports, by import. */
    Map<Long, Long> ofImports(Collection<Long> importIds) {
        if (importIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select enrolment_import_id, id from fund_contribution where enrolment_import_id in (:ids)")
                .param("ids", importIds).query((row, n) -> Map.entry(row.getLong(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static final String COLUMNS = """
            select id, scheme, scheme_year, unit_code, members, per_member, funder_code, amount, note,
                   recorded_by, recorded_at, enrolment_import_id
            from fund_contribution""";

    private static Contribution contribution(ResultSet row, int n) throws SQLException {
        return new Contribution(row.getLong("id"), row.getString("scheme"), row.getInt("scheme_year"),
                row.getString("unit_code"), row.getObject("members", Integer.class), row.getBigDecimal("per_member"),
                row.getString("funder_code"), row.getBigDecimal("amount"), row.getString("note"),
                row.getString("recorded_by"), row.getTimestamp("recorded_at").toInstant(),
                row.getObject("enrolment_import_id", Long.class));
    }
}
