package org.huzhu.claim;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.security.Staff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The claims list (申请查询): every claim the person may read, filtered, newest first, read from
 * the claim's own row (it keeps its member's name, masked ID number and agency code). Agency
 * staff find their own agencies' claims only, the league all of them.
 */
@Repository
public class ClaimSearch {

    /** A claim as the list shows it; the ID number masked. */
    public record Row(long claimId, LocalDateTime submittedAt, String memberName, String memberIdNumberMasked,
                      String scheme, String agencyCode, ClaimStatus status, BigDecimal eligibleAmount,
                      BigDecimal subsidy) {
    }

    /**
     * What the list is narrowed to; any part may be null. {@code who} is a claim number or the
     * start of a member's name; {@code memberId} one member's claims.
     */
    public record Filter(ClaimStatus status, String scheme, String agency, LocalDate from, LocalDate to, String who,
                         Long memberId) {
    }

    private final JdbcClient jdbc;
    private final ClaimAccess access;

    ClaimSearch(JdbcClient jdbc, ClaimAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The claims of the filter the person may read, newest first: {@code limit} from {@code offset}. */
    public List<Row> find(Staff staff, Filter filter, int offset, int limit) {
        Set<String> agencies = access.readableAgencies(staff);
        if (agencies != null && agencies.isEmpty()) {
            throw DomainException.forbidden("NO_CLAIMS_TO_READ", "您的账号不能查看申请");
        }
        if (filter.agency() != null && agencies != null && !agencies.contains(filter.agency())) {
            throw new InvalidInputException("agency", "CLAIM_OF_OTHER_AGENCY", "无权查看其他代办点的申请");
        }
        StringBuilder sql = new StringBuilder("""
                select c.id, c.submitted_at, c.member_name, c.member_id_masked, c.scheme, c.agency_code, c.status,
                       c.eligible_amount, c.subsidy
                from claim c
                where true""");
        List<Object> params = new ArrayList<>();
        if (agencies != null) {
            sql.append(" and c.agency_code in (select unnest(cast(? as varchar[])))");
            params.add(agencies.toArray(String[]::new));
        }
        if (filter.agency() != null) {
            sql.append(" and c.agency_code = ?");
            params.add(filter.agency());
        }
        if (filter.status() != null) {
            sql.append(" and c.status = ?");
            params.add(filter.status().name());
        }
        if (filter.scheme() != null) {
            sql.append(" and c.scheme = ?");
            params.add(filter.scheme());
        }
        if (filter.from() != null) {
            sql.append(" and c.submitted_at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(Beijing.ZONE).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and c.submitted_at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(Beijing.ZONE).toInstant()));
        }
        if (filter.who() != null) {
            whoClause(filter.who(), sql, params);
        }
        if (filter.memberId() != null) {
            sql.append(" and c.member_id = ?");
            params.add(filter.memberId());
        }
        sql.append(" order by c.submitted_at desc, c.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(ClaimSearch::row).list();
    }

    /** A claim number, or the start of a member's name. */
    private static void whoClause(String who, StringBuilder sql, List<Object> params) {
        if (who.matches("\\d{1,12}")) {
            sql.append(" and c.id = ?");
            params.add(Long.parseLong(who));
        } else {
            sql.append(" and c.member_name like ? escape '\\'");
            params.add(who.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getLong("id"),
                LocalDateTime.ofInstant(row.getTimestamp("submitted_at").toInstant(), Beijing.ZONE),
                row.getString("member_name"), row.getString("member_id_masked"), row.getString("scheme"),
                row.getString("agency_code"), ClaimStatus.valueOf(row.getString("status")),
                row.getBigDecimal("eligible_amount"), row.getBigDecimal("subsidy"));
    }
}
