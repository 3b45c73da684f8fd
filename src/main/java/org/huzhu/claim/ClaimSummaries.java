package org.huzhu.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims as auditors' lists show them: one query for a whole page, on the claim's own row (it
 * keeps its member's name, masked ID number and agency code from intake).
 */
@Repository
public class ClaimSummaries {

    private static final String SELECT = """
            select c.id, c.process_instance_id, c.status, c.scheme, c.agency_code, c.member_name, c.member_id_masked,
                   c.admission_date, c.discharge_date, c.hospital, c.diagnosis, c.expense_total, c.policy_scope,
                   c.eligible_amount, c.subsidy
            from claim c
            """;

    private final JdbcClient jdbc;
    private final Claims claims;

    ClaimSummaries(JdbcClient jdbc, Claims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    public List<ClaimSummary> byProcessInstances(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.process_instance_id in (:ids)").param("ids", processInstanceIds)
                .query(this::map).list();
    }

    public List<ClaimSummary> byClaims(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.id in (:ids)").param("ids", claimIds).query(this::map).list();
    }

    /** From the claim's row as {@link Claims} read it in this transaction. */
    public ClaimSummary byClaim(long claimId) {
        return claims.summary(claimId).orElseThrow(() -> new EmptyResultDataAccessException(1));
    }

    private ClaimSummary map(ResultSet row, int rowNumber) throws SQLException {
        return new ClaimSummary(row.getLong("id"), row.getString("process_instance_id"),
                ClaimStatus.valueOf(row.getString("status")), row.getString("scheme"), row.getString("agency_code"),
                row.getString("member_name"), row.getString("member_id_masked"),
                row.getObject("admission_date", LocalDate.class),
                row.getObject("discharge_date", LocalDate.class), row.getString("hospital"), row.getString("diagnosis"),
                row.getBigDecimal("expense_total"), row.getBigDecimal("policy_scope"),
                row.getBigDecimal("eligible_amount"), row.getBigDecimal("subsidy"));
    }
}
