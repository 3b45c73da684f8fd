package org.huzhu.membership;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisers (leagues), their agencies and the member units. */
@Repository
public class Organisations {

    private static final String ORGANISER_SELECT = "select id, code, name from organiser";
    private static final String AGENCY_SELECT = """
            select a.id, a.code, a.name, a.organiser_id, o.code as organiser_code
            from agency a join organiser o on o.id = a.organiser_id
            """;
    private static final String UNIT_SELECT = """
            select u.id, u.code, u.name, a.code as agency_code from unit u join agency a on a.id = u.agency_id
            """;

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organiser> organiser(String code) {
        return jdbc.sql(ORGANISER_SELECT + " where code = :code").param("code", code).query(Organiser.class).optional();
    }

    /** The organiser, its row locked until the transaction ends: a rule set publication of one organiser at a time. */
    public Optional<Organiser> lock(String code) {
        return jdbc.sql(ORGANISER_SELECT + " where code = :code for update").param("code", code)
                .query(Organiser.class).optional();
    }

    public List<Organiser> organisers() {
        return jdbc.sql(ORGANISER_SELECT + " order by code").query(Organiser.class).list();
    }

    /** Adds the organiser; false when its code is taken. Opened through {@link OrganisationRegistry}. */
    boolean addOrganiser(String code, String name) {
        return jdbc.sql("insert into organiser (code, name) values (:code, :name) on conflict (code) do nothing")
                .param("code", code).param("name", name).update() == 1;
    }

    void renameOrganiser(long id, String name) {
        jdbc.sql("update organiser set name = :name where id = :id").param("name", name).param("id", id).update();
    }

    /** Adds the agency; false when its code is taken. Opened through {@link OrganisationRegistry}, which adds its groups. */
    boolean addAgency(String code, String name, long organiserId) {
        return jdbc.sql("insert into agency (code, name, organiser_id) values (:code, :name, :organiser) on conflict (code) do nothing")
                .param("code", code).param("name", name).param("organiser", organiserId).update() == 1;
    }

    void renameAgency(long id, String name) {
        jdbc.sql("update agency set name = :name where id = :id").param("name", name).param("id", id).update();
    }

    public Optional<Agency> agency(String code) {
        return jdbc.sql(AGENCY_SELECT + " where a.code = :code").param("code", code).query(Agency.class).optional();
    }

    public Optional<Agency> agency(long id) {
        return jdbc.sql(AGENCY_SELECT + " where a.id = :id").param("id", id).query(Agency.class).optional();
    }

    public List<Agency> agencies() {
        return jdbc.sql(AGENCY_SELECT + " order by a.code").query(Agency.class).list();
    }

    public List<Agency> agenciesOf(String organiserCode) {
        return jdbc.sql(AGENCY_SELECT + " where o.code = :organiser order by a.code").param("organiser", organiserCode)
                .query(Agency.class).list();
    }

    public Optional<Unit> unit(String code) {
        return jdbc.sql(UNIT_SELECT + " where u.code = :code").param("code", code).query(Unit.class).optional();
    }

    public List<Unit> unitsOf(String agencyCode) {
        return jdbc.sql(UNIT_SELECT + " where a.code = :agency order by u.code").param("agency", agencyCode)
                .query(Unit.class).list();
    }

    /** Adds the unit; false when its code is taken. */
    public boolean addUnit(String code, String name, long agencyId) {
        return jdbc.sql("insert into unit (code, name, agency_id) values (:code, :name, :agency) on conflict (code) do nothing")
                .param("code", code).param("name", name).param("agency", agencyId).update() == 1;
    }
}
