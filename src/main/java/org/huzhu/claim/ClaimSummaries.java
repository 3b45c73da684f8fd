package org.huzhu.claim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claims as auditors' lists show them: one query for a whole page. */
@Repository
public class ClaimSummaries {

    private static final String SELECT = """
            select c.id, c.process_instance_id, c.status, c.scheme, a.code as agency_code, m.name, m.id_number,
                   c.admission_date, c.discharge_date, c.hospital, c.diagnosis, c.expense_total, c.policy_scope,
                   c.eligible_amount, c.subsidy
            from claim c join member m on m.id = c.member_id join agency a on a.id = c.agency_id
            """;

    private final JdbcClient jdbc;

    ClaimSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public ClaimSummary byClaim(long claimId) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", claimId).query(this::map).single();
    }

    private ClaimSummary map(ResultSet row, int rowNumber) throws SQLException {
        return ClaimSummary.masking(row.getLong("id"), row.getString("process_instance_id"),
                ClaimStatus.valueOf(row.getString("status")), row.getString("scheme"), row.getString("agency_code"),
                row.getString("name"), row.getString("id_number"), row.getObject("admission_date", LocalDate.class),
                row.getObject("discharge_date", LocalDate.class), row.getString("hospital"), row.getString("diagnosis"),
                row.getBigDecimal("expense_total"), row.getBigDecimal("policy_scope"),
                row.getBigDecimal("eligible_amount"), row.getBigDecimal("subsidy"));
    }
}
