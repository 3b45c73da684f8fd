package org.huzhu.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the facts the approval routing decides on, for one claim or for a sample of recent ones,
 * from the claims alone (a claim keeps its scheme's benefit kind from intake).
 */
@Repository
public class ClaimApprovalFacts {

    private static final String FACTS = """
            select c.subsidy, c.scheme, c.benefit_kind,
                   exists (select 1 from claim o
                           where o.member_id = c.member_id and o.id <> c.id and o.status <> 'REJECTED'
                             and coalesce(o.admission_date, o.diagnosis_date)
                                 between coalesce(c.admission_date, c.diagnosis_date) - 90
                                     and coalesce(c.admission_date, c.diagnosis_date)) as repeat_within_90_days
            from claim c
            """;

    private final JdbcClient jdbc;

    ClaimApprovalFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of a calculated claim; empty while its subsidy is not calculated. */
    public Optional<ApprovalFacts> of(long claimId) {
        return jdbc.sql(FACTS + " where c.id = :id and c.subsidy is not null").param("id", claimId)
                .query(ClaimApprovalFacts::map).optional();
    }

    /** The facts of the most recently submitted claims whose subsidy was calculated. */
    public List<ApprovalFacts> recent(int limit) {
        return jdbc.sql(FACTS + " where c.subsidy is not null order by c.id desc limit :limit")
                .param("limit", limit).query(ClaimApprovalFacts::map).list();
    }

    private static ApprovalFacts map(ResultSet row, int n) throws SQLException {
        return new ApprovalFacts(row.getBigDecimal("subsidy"), row.getString("scheme"), row.getString("benefit_kind"),
                row.getBoolean("repeat_within_90_days"));
    }
}
