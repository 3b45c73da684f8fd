package org.huzhu.scheme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published rule sets. Append-only: a revision is a new version, never an update. */
@Repository
public class RuleSets {

    private static final String SELECT = """
            select r.id, r.scheme, o.code as organiser_code, r.version, r.effective_from, r.effective_to,
                   r.definition, r.published_by, r.published_at, r.reason
            from rule_set r join organiser o on o.id = r.organiser_id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    RuleSets(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The rule set of the organiser's scheme in force on the day, if any. */
    public Optional<RuleSet> inForce(String scheme, String organiserCode, LocalDate on) {
        return jdbc.sql(SELECT + """
                         where r.scheme = :scheme and o.code = :organiser and r.effective_from <= :on
                           and (r.effective_to is null or r.effective_to >= :on)
                         order by r.version desc limit 1
                        """)
                .param("scheme", scheme).param("organiser", organiserCode).param("on", on)
                .query(this::map).optional();
    }

    public RuleSet byId(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).single();
    }

    public List<RuleSet> versions(String scheme, String organiserCode) {
        return jdbc.sql(SELECT + " where r.scheme = :scheme and o.code = :organiser order by r.version")
                .param("scheme", scheme).param("organiser", organiserCode).query(this::map).list();
    }

    /** Stores the next version of the scheme's rules for the organiser. */
    public RuleSet publish(String scheme, String organiserCode, LocalDate effectiveFrom, LocalDate effectiveTo,
                           RuleSetDefinition definition, String publishedBy, Instant publishedAt, String reason) {
        long id = jdbc.sql("""
                        insert into rule_set (scheme, organiser_id, version, effective_from, effective_to, definition,
                                              published_by, published_at, reason)
                        select :scheme, o.id,
                               coalesce((select max(version) from rule_set where scheme = :scheme and organiser_id = o.id), 0) + 1,
                               :from, :to, cast(:definition as jsonb), :by, :at, :reason
                        from organiser o where o.code = :organiser
                        returning id
                        """)
                .param("scheme", scheme).param("organiser", organiserCode).param("from", effectiveFrom)
                .param("to", effectiveTo).param("definition", write(definition)).param("by", publishedBy)
                .param("at", java.sql.Timestamp.from(publishedAt)).param("reason", reason)
                .query(Long.class).single();
        return byId(id);
    }

    private RuleSet map(ResultSet row, int rowNumber) throws SQLException {
        return new RuleSet(row.getLong("id"), row.getString("scheme"), row.getString("organiser_code"),
                row.getInt("version"), row.getObject("effective_from", LocalDate.class),
                row.getObject("effective_to", LocalDate.class), read(row.getString("definition")),
                row.getString("published_by"), row.getTimestamp("published_at").toInstant(), row.getString("reason"));
    }

    private String write(RuleSetDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rule set cannot be written as JSON", e);
        }
    }

    private RuleSetDefinition read(String definition) {
        try {
            return json.readValue(definition, RuleSetDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule set is not readable", e);
        }
    }
}
