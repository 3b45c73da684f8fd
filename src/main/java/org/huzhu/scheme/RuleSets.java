package org.huzhu.scheme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.audit.AuditTrail;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.Organiser;
import org.huzhu.membership.SchemeNames;
import org.huzhu.platform.Problems;
import org.huzhu.platform.TransactionScoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schemes and their published rule sets. Append-only: a revision is a new version; the only
 * change a published row ever sees is its end date or superseded mark when a later version
 * takes over (see {@link PublicationRules}).
 */
@Repository
public class RuleSets implements SchemeNames {

    private static final String SELECT = """
            select r.id, r.scheme, r.organiser_code, r.version, r.effective_from, r.effective_to,
                   r.superseded_by, r.definition, r.published_by, r.published_at, r.reason
            from rule_set r
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final Organisations organisations;
    /** A claim's pre-check, calculation and payment clock each ask; once per transaction (forgotten on a publication). */
    private final TransactionScoped<List<Object>, RuleSet> inForce = new TransactionScoped<>();
    /** Schemes are only added by migrations. */
    private final TransactionScoped<String, Scheme> schemesByCode = new TransactionScoped<>();

    RuleSets(JdbcClient jdbc, ObjectMapper json, AuditTrail audit, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.json = json;
        this.audit = audit;
    }

    public List<Scheme> schemes() {
        return jdbc.sql("select code, name, benefit_kind from scheme order by code").query(Scheme.class).list();
    }

    @Override
    public Map<String, String> schemeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        schemes().forEach(scheme -> names.put(scheme.code(), scheme.name()));
        return names;
    }

    public Optional<Scheme> scheme(String code) {
        return Optional.ofNullable(schemesByCode.get(code, key -> jdbc.sql(
                "select code, name, benefit_kind from scheme where code = :code").param("code", key)
                .query(Scheme.class).optional().orElse(null)));
    }

    /** The rule set of the organiser's scheme in force on the day, if any. */
    public Optional<RuleSet> inForce(String scheme, String organiserCode, LocalDate on) {
        return Optional.ofNullable(inForce.get(Arrays.asList(scheme, organiserCode, on), key -> jdbc.sql(SELECT + """
                         where r.scheme = :scheme and r.organiser_code = :organiser and r.superseded_by is null
                           and r.effective_from <= :on and (r.effective_to is null or r.effective_to >= :on)
                        """)
                .param("scheme", scheme).param("organiser", organiserCode).param("on", on)
                .query(this::map).optional().orElse(null)));
    }

    public Optional<RuleSet> find(long id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).optional();
    }

    public RuleSet byId(long id) {
        return find(id).orElseThrow();
    }

    /** Every version of the scheme, of one organiser or (when null) of all, oldest first. */
    public List<RuleSet> versions(String scheme, String organiserCode) {
        return jdbc.sql(SELECT + """
                         where r.scheme = :scheme and (cast(:organiser as varchar) is null or r.organiser_code = :organiser)
                         order by r.organiser_code, r.version
                        """)
                .param("scheme", scheme).param("organiser", organiserCode).query(this::map).list();
    }

    /** Organisers that publish rules for the scheme. */
    public List<String> organisersOf(String scheme) {
        return jdbc.sql("""
                        select distinct organiser_code from rule_set where scheme = :scheme order by organiser_code
                        """)
                .param("scheme", scheme).query(String.class).list();
    }

    /**
     * Publishes the next version of the scheme's rules for the organiser, after checking it
     * against {@link PublicationRules}; a refused draft changes nothing. Publications for one
     * organiser are serialised on its row, so two admins never take over the same version.
     * The audit trail names the version; its reason stays on the rule set itself.
     */
    @Transactional
    public RuleSet publish(Scheme scheme, RuleSetDraft draft, String publishedBy, Instant publishedAt) {
        inForce.forgetAll();
        Optional<Organiser> organiser = draft.organiser() == null ? Optional.empty()
                : organisations.lock(draft.organiser());
        RuleSet latest = checked(scheme, draft, organiser);

        long id = jdbc.sql("""
                        insert into rule_set (scheme, organiser_id, organiser_code, version, effective_from,
                                              effective_to, definition, published_by, published_at, reason)
                        values (:scheme, :organiser, :organiserCode,
                                coalesce((select max(version) from rule_set where scheme = :scheme and organiser_id = :organiser), 0) + 1,
                                :from, :to, cast(:definition as jsonb), :by, :at, :reason)
                        returning id
                        """)
                .param("scheme", scheme.code()).param("organiser", organiser.get().id())
                .param("organiserCode", organiser.get().code())
                .param("from", draft.effectiveFrom()).param("to", draft.effectiveTo())
                .param("definition", write(draft.definition())).param("by", publishedBy)
                .param("at", Timestamp.from(publishedAt)).param("reason", draft.reason().strip())
                .query(Long.class).single();
        if (latest != null) {
            takeOver(latest, id, draft.effectiveFrom());
        }
        RuleSet published = byId(id);
        audit.record(publishedBy, "RULE_SET_PUBLISHED", "RULE_SET", Long.toString(id), null,
                published.scheme() + "（主办单位 " + published.organiserCode() + "）第" + published.version() + "版，自"
                        + published.effectiveFrom() + "起" + (published.effectiveTo() == null ? "" : "至" + published.effectiveTo())
                        + (latest == null ? "" : "；原第" + latest.version() + "版"
                        + (latest.effectiveFrom().equals(published.effectiveFrom()) ? "被取代" : "止于" + published.effectiveFrom().minusDays(1))));
        return published;
    }

    /**
     * The checks {@link #publish} makes, without publishing: an {@link org.huzhu.platform.InvalidInputException}
     * with every problem the draft would be refused for, so a page can show what a publication
     * would change before anyone confirms it.
     */
    @Transactional(readOnly = true)
    public void check(Scheme scheme, RuleSetDraft draft) {
        checked(scheme, draft, draft.organiser() == null ? Optional.empty() : organisations.organiser(draft.organiser()));
    }

    /** The latest live version of the organiser's rules for the scheme: the one a new version takes over. */
    public Optional<RuleSet> latestLive(String scheme, String organiserCode) {
        return organiserCode == null ? Optional.empty() : organisations.organiser(organiserCode)
                .flatMap(organiser -> latestLive(scheme, organiser.id()));
    }

    /** The draft checked against the organiser's latest live version, which is returned (null when none). */
    private RuleSet checked(Scheme scheme, RuleSetDraft draft, Optional<Organiser> organiser) {
        Problems problems = new Problems();
        if (draft.organiser() != null && !draft.organiser().isBlank() && organiser.isEmpty()) {
            problems.add("organiser", "UNKNOWN_ORGANISER", "没有这个主办单位：" + draft.organiser());
        }
        RuleSet latest = organiser.isEmpty() ? null : latestLive(scheme.code(), organiser.get().id()).orElse(null);
        PublicationRules.check(scheme, draft, latest, problems);
        problems.throwIfAny();
        return latest;
    }

    private Optional<RuleSet> latestLive(String scheme, long organiserId) {
        return jdbc.sql(SELECT + """
                         where r.scheme = :scheme and r.organiser_id = :organiser and r.superseded_by is null
                         order by r.effective_from desc limit 1
                        """)
                .param("scheme", scheme).param("organiser", organiserId).query(this::map).optional();
    }

    /** The latest version gives way to the new one: replaced when both start the same day, else ended the day before. */
    private void takeOver(RuleSet latest, long newId, LocalDate from) {
        if (latest.effectiveFrom().equals(from)) {
            jdbc.sql("update rule_set set superseded_by = :new where id = :id")
                    .param("new", newId).param("id", latest.id()).update();
        } else if (latest.effectiveTo() == null || !latest.effectiveTo().isBefore(from)) {
            jdbc.sql("update rule_set set effective_to = :to where id = :id")
                    .param("to", from.minusDays(1)).param("id", latest.id()).update();
        }
    }

    private RuleSet map(ResultSet row, int rowNumber) throws SQLException {
        return new RuleSet(row.getLong("id"), row.getString("scheme"), row.getString("organiser_code"),
                row.getInt("version"), row.getObject("effective_from", LocalDate.class),
                row.getObject("effective_to", LocalDate.class), (Long) row.getObject("superseded_by"),
                read(row.getString("definition")), row.getString("published_by"),
                row.getTimestamp("published_at").toInstant(), row.getString("reason"));
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
