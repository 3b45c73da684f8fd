package org.huzhu.membership;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.huzhu.platform.TransactionScoped;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members and their enrolments. */
@Repository
public class Members {

    private static final String MEMBER_SELECT = """
            select m.id, m.id_number, m.name, m.birth_date, m.sex, m.insurance_type, u.code as unit_code,
                   a.id as agency_id, a.code as agency_code, o.code as organiser_code, m.mobile
            from member m join unit u on u.id = m.unit_id join agency a on a.id = u.agency_id
                 join organiser o on o.id = a.organiser_id
            """;

    private final JdbcClient jdbc;
    /** Each member read by id once per transaction: a claim's checks, clock and notices each ask (forgotten on writes). */
    private final TransactionScoped<Long, Member> byId = new TransactionScoped<>();
    /** A member's enrolments, read once per transaction: a claim's cover checks ask several times (forgotten on enrol). */
    private final TransactionScoped<Long, List<Enrolment>> enrolmentsOf = new TransactionScoped<>();

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> byIdNumber(String idNumber) {
        return jdbc.sql(MEMBER_SELECT + " where m.id_number = :idNumber").param("idNumber", idNumber)
                .query(Member.class).optional();
    }

    public Optional<Member> find(long id) {
        return Optional.ofNullable(byId.get(id, key -> jdbc.sql(MEMBER_SELECT + " where m.id = :id").param("id", key)
                .query(Member.class).optional().orElse(null)));
    }

    public Member byId(long id) {
        return find(id).orElseThrow(() -> new EmptyResultDataAccessException(1));
    }

    public List<Member> ofUnit(String unitCode) {
        return jdbc.sql(MEMBER_SELECT + " where u.code = :unit order by m.name").param("unit", unitCode)
                .query(Member.class).list();
    }

    /**
     * Members whose name contains the text, by name; at the agencies given, or at any when
     * {@code agencyCodes} is null. At most {@code limit}.
     */
    public List<Member> named(String text, Collection<String> agencyCodes, int limit) {
        if (agencyCodes != null && agencyCodes.isEmpty()) {
            return List.of();
        }
        String atAgencies = agencyCodes == null ? "" : " and a.code in (:agencies)";
        JdbcClient.StatementSpec query = jdbc.sql(MEMBER_SELECT + " where strpos(m.name, :text) > 0" + atAgencies
                        + " order by m.name, m.id limit :limit")
                .param("text", text).param("limit", limit);
        if (agencyCodes != null) {
            query = query.param("agencies", agencyCodes);
        }
        return query.query(Member.class).list();
    }

    /** Adds the member; false when the ID number is registered already. */
    public boolean add(ResidentIdNumber idNumber, String name, long unitId, InsuranceType insuranceType, String mobile) {
        return jdbc.sql("""
                        insert into member (id_number, name, birth_date, sex, unit_id, insurance_type, mobile)
                        values (:idNumber, :name, :birthDate, :sex, :unitId, :insuranceType, :mobile)
                        on conflict (id_number) do nothing
                        """)
                .param("idNumber", idNumber.value()).param("name", name).param("birthDate", idNumber.birthDate())
                .param("sex", idNumber.sex().name()).param("unitId", unitId).param("insuranceType", insuranceType.name())
                .param("mobile", mobile).update() == 1;
    }

    /** The mobile number on file, or none (null clears it). */
    public void changeMobile(long memberId, String mobile) {
        byId.forget(memberId);
        jdbc.sql("update member set mobile = :mobile where id = :id").param("mobile", mobile).param("id", memberId)
                .update();
    }

    /** The mobile number on file for the member, where their messages go. */
    public Optional<String> mobileOf(long memberId) {
        return jdbc.sql("select mobile from member where id = :id and mobile is not null").param("id", memberId)
                .query(String.class).optional();
    }

    public Enrolment enrol(long memberId, String scheme, LocalDate validFrom, LocalDate validTo) {
        enrolmentsOf.forget(memberId);
        long id = jdbc.sql("""
                        insert into enrolment (member_id, scheme, valid_from, valid_to)
                        values (:member, :scheme, :from, :to) returning id
                        """)
                .param("member", memberId).param("scheme", scheme).param("from", validFrom).param("to", validTo)
                .query(Long.class).single();
        return new Enrolment(id, memberId, scheme, validFrom, validTo);
    }

    public List<Enrolment> enrolments(long memberId) {
        return enrolmentsOf.get(memberId, member -> List.copyOf(jdbc.sql(
                        "select id, member_id, scheme, valid_from, valid_to from enrolment where member_id = :member order by valid_from")
                .param("member", member).query(Enrolment.class).list()));
    }

    public boolean overlapsEnrolment(long memberId, String scheme, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select exists (select 1 from enrolment where member_id = :member and scheme = :scheme
                                       and valid_from <= :to and valid_to >= :from)
                        """)
                .param("member", memberId).param("scheme", scheme).param("from", from).param("to", to)
                .query(Boolean.class).single();
    }

    /** The enrolment in the scheme that covers the day: its end is the protection period's end. */
    public Optional<Enrolment> enrolmentOn(long memberId, String scheme, LocalDate on) {
        // from all of the member's enrolments, read once; enrolments of a scheme never overlap
        return enrolments(memberId).stream().filter(e -> e.scheme().equals(scheme))
                .filter(e -> !e.validFrom().isAfter(on) && !e.validTo().isBefore(on)).findFirst();
    }

    /** The first day of the member's unbroken cover in the scheme that includes the day. */
    public Optional<LocalDate> coveredSince(long memberId, String scheme, LocalDate on) {
        List<Enrolment> inScheme = enrolments(memberId).stream().filter(e -> e.scheme().equals(scheme)).toList();
        return Enrolment.continuousCoverStart(inScheme, on);
    }

    /** Locks the member's row until the transaction ends: claims of one member are calculated one at a time. */
    public void lock(long memberId) {
        // the row as the lock lets us read it, which is what the transaction reads from now on
        byId.forget(memberId);
        byId.put(memberId, jdbc.sql(MEMBER_SELECT + " where m.id = :id for update of m").param("id", memberId)
                .query(Member.class).single());
    }
}
