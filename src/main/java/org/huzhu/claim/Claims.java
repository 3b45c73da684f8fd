package org.huzhu.claim;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.membership.Member;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.TransactionScoped;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.Expenses;
import org.huzhu.scheme.MemberStanding;
import org.huzhu.scheme.SubsidyCalculation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims with their invoices and documents. A document kind is handed in when its original was
 * seen at the counter or a file of it is stored (claim_document, either or both). Updates check
 * the version read, so no change is lost.
 */
@Repository
public class Claims {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    /** Each claim read once per transaction: its listeners, delegates and task views all read it (forgotten on every write). */
    private final TransactionScoped<Long, Row> rows = new TransactionScoped<>();

    /** A claim's row as stored: the claim, and what its summary adds from intake (never changed there). */
    private record Row(Claim claim, String memberName, String memberIdMasked, String agencyCode) {

        ClaimSummary summary() {
            Expenses expenses = claim.expenses();
            return new ClaimSummary(claim.id(), claim.processInstanceId(), claim.status(), claim.scheme(), agencyCode,
                    memberName, memberIdMasked, claim.admissionDate(), claim.dischargeDate(), claim.hospital(),
                    claim.diagnosis(), expenses == null ? null : expenses.total(),
                    expenses == null ? null : expenses.policyScope(), claim.eligibleAmount(), claim.subsidy());
        }
    }

    Claims(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** One statement for a claim with its invoices and papers: a claim is read several times per step of its process. */
    private static final String SELECT = """
            select c.*,
                   array(select i.code from claim_invoice i where i.claim_id = c.id
                         order by i.code, i.number) as invoice_codes,
                   array(select i.number from claim_invoice i where i.claim_id = c.id
                         order by i.code, i.number) as invoice_numbers,
                   array(select d.kind from claim_document d where d.claim_id = c.id) as document_kinds
            from claim c
            """;

    public Optional<Claim> find(long id) {
        return Optional.ofNullable(row(id)).map(row -> row.claim().copy());
    }

    /** The claim's summary from the same read as the claim. */
    Optional<ClaimSummary> summary(long id) {
        return Optional.ofNullable(row(id)).map(Row::summary);
    }

    private Row row(long id) {
        return rows.get(id, key -> jdbc.sql(SELECT + " where c.id = :id").param("id", key)
                .query((row, n) -> new Row(map(row, n), row.getString("member_name"), row.getString("member_id_masked"),
                        row.getString("agency_code")))
                .optional().orElse(null));
    }

    /** The member's claims, the newest first. */
    public List<Claim> ofMember(long memberId) {
        return jdbc.sql(SELECT + " where c.member_id = :member order by c.submitted_at desc, c.id desc")
                .param("member", memberId).query(this::map).list();
    }

    /** The member's claim of that id; empty when there is none or it is someone else's. */
    public Optional<Claim> ofMember(long memberId, long claimId) {
        return jdbc.sql(SELECT + " where c.id = :id and c.member_id = :member").param("id", claimId)
                .param("member", memberId).query(this::map).optional();
    }

    /** The agencies' claims waiting for papers, the longest waiting first. */
    public List<Claim> awaitingSupplements(Collection<Long> agencyIds, int limit) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where c.agency_id in (:agencies) and c.status = 'AWAITING_SUPPLEMENTS'"
                        + " order by c.submitted_at, c.id limit :limit")
                .param("agencies", agencyIds).param("limit", limit).query(this::map).list();
    }

    public long countAwaitingSupplements(Collection<Long> agencyIds) {
        if (agencyIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from claim where agency_id in (:agencies) and status = 'AWAITING_SUPPLEMENTS'")
                .param("agencies", agencyIds).query(Long.class).single();
    }

    /** The process instance of each claim that has one, for the engine's side of many claims at once. */
    public Map<Long, String> processInstances(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, process_instance_id from claim where id in (:ids) and process_instance_id is not null")
                .param("ids", claimIds)
                .query((row, n) -> Map.entry(row.getLong(1), row.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Claim get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("CLAIM_NOT_FOUND", "申请不存在：" + id));
    }

    /**
     * Stores a new claim with a copy of what the auditors' lists and the approval routing need of
     * its member, agency and scheme; none of it ever changes there (migration V12). Empty when the
     * clerk's intake key stands for a claim already (the same form sent twice); a second request
     * with the key waits here until the first has committed. Its papers are those the clerk saw at
     * the counter, for the reason given.
     */
    Optional<Long> insert(Claim claim, Member member, BenefitKind benefitKind, UUID intakeKey, String counterReason) {
        Optional<Expenses> expenses = Optional.ofNullable(claim.expenses());
        Optional<Long> inserted = jdbc.sql("""
                        insert into claim (member_id, scheme, agency_id, status, admission_date, discharge_date, hospital,
                            diagnosis, diagnosis_code, diagnosis_date, expense_total, policy_scope, fund_paid,
                            critical_illness_paid, medical_assistance_paid, bank_name, bank_account_number,
                            bank_account_name, submitted_by, submitted_at, member_name, member_id_masked, agency_code,
                            benefit_kind, intake_key)
                        values (:member, :scheme, :agency, :status, :admission, :discharge, :hospital, :diagnosis,
                            :diagnosisCode, :diagnosisDate, :total, :policyScope, :fundPaid, :criticalIllnessPaid,
                            :medicalAssistancePaid, :bankName, :accountNumber, :accountName, :submittedBy, :submittedAt,
                            :memberName, :memberIdMasked, :agencyCode, :benefitKind, :intakeKey)
                        on conflict (submitted_by, intake_key) do nothing
                        returning id
                        """)
                .param("member", claim.memberId()).param("scheme", claim.scheme()).param("agency", claim.agencyId())
                .param("status", claim.status().name()).param("admission", claim.admissionDate())
                .param("discharge", claim.dischargeDate()).param("hospital", claim.hospital())
                .param("diagnosis", claim.diagnosis()).param("diagnosisCode", claim.diagnosisCode())
                .param("diagnosisDate", claim.diagnosisDate())
                .param("total", expenses.map(Expenses::total).orElse(null))
                .param("policyScope", expenses.map(Expenses::policyScope).orElse(null))
                .param("fundPaid", expenses.map(Expenses::fundPaid).orElse(null))
                .param("criticalIllnessPaid", expenses.map(Expenses::criticalIllnessPaid).orElse(null))
                .param("medicalAssistancePaid", expenses.map(Expenses::medicalAssistancePaid).orElse(null))
                .param("bankName", claim.bankAccount().bankName())
                .param("accountNumber", claim.bankAccount().accountNumber())
                .param("accountName", claim.bankAccount().accountName())
                .param("submittedBy", claim.submittedBy()).param("submittedAt", Timestamp.from(claim.submittedAt()))
                .param("memberName", member.name()).param("memberIdMasked", member.maskedIdNumber())
                .param("agencyCode", member.agencyCode()).param("benefitKind", benefitKind.name())
                .param("intakeKey", intakeKey)
                .query(Long.class).optional();
        if (inserted.isEmpty()) {
            return inserted;
        }
        long id = inserted.get();
        for (Invoice invoice : claim.invoices()) {
            jdbc.sql("insert into claim_invoice (claim_id, code, number) values (:claim, :code, :number)")
                    .param("claim", id).param("code", invoice.code()).param("number", invoice.number()).update();
        }
        recordSeenAtCounter(id, claim.documents(), counterReason, claim.submittedBy(), claim.submittedAt());
        return inserted;
    }

    /** The claim the clerk took in with the intake key. */
    Optional<Long> byIntakeKey(String submittedBy, UUID intakeKey) {
        return jdbc.sql("select id from claim where submitted_by = :by and intake_key = :key")
                .param("by", submittedBy).param("key", intakeKey).query(Long.class).optional();
    }

    /** The originals of these papers were seen at the counter, for the clerk's reason (V14). */
    void recordSeenAtCounter(long claimId, Set<DocumentKind> documents, String reason, String receivedBy,
                             Instant receivedAt) {
        handedIn(claimId, documents, "COUNTER", reason, receivedBy, receivedAt);
    }

    /** Files of these papers are stored ({@code papers}); the first file of a kind is when it came. */
    void recordFiled(long claimId, Set<DocumentKind> documents, String receivedBy, Instant receivedAt) {
        handedIn(claimId, documents, "FILE", null, receivedBy, receivedAt);
    }

    private void handedIn(long claimId, Set<DocumentKind> documents, String evidence, String reason, String receivedBy,
                          Instant receivedAt) {
        rows.forget(claimId);
        if (documents.isEmpty()) {
            return;
        }
        // one statement for all the kinds
        jdbc.sql("""
                        insert into claim_document (claim_id, kind, evidence, reason, received_at, received_by)
                        select :claim, kind, :evidence, :reason, :at, :by from unnest(cast(:kinds as text[])) as kind
                        on conflict do nothing
                        """)
                .param("claim", claimId).param("kinds", documents.stream().map(Enum::name).toArray(String[]::new))
                .param("evidence", evidence).param("reason", reason).param("at", Timestamp.from(receivedAt))
                .param("by", receivedBy).update();
    }

    /**
     * Writes the claim's state; fails with a conflict when someone changed it since it was read.
     * A new status is announced in the same transaction, so listeners' records commit with it.
     */
    void update(Claim claim) {
        int updated = jdbc.sql("""
                        update claim set status = :status, rule_set_id = :ruleSet, scheme_year = :schemeYear,
                            diagnosis_group = :diagnosisGroup, eligible_amount = :eligible, subsidy = :subsidy, subsidy_breakdown = cast(:breakdown as jsonb),
                            rejection_reason = :rejection, rejection_category = :category, missing_documents = :missing,
                            materials_complete_at = :complete, paid_at = :paid,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("status", claim.status().name()).param("ruleSet", claim.ruleSetId())
                .param("schemeYear", claim.schemeYear()).param("diagnosisGroup", claim.diagnosisGroup())
                .param("eligible", claim.eligibleAmount())
                .param("subsidy", claim.subsidy()).param("breakdown", write(claim.breakdown()))
                .param("rejection", claim.rejectionReason())
                .param("category", claim.rejectionCategory() == null ? null : claim.rejectionCategory().name())
                .param("missing", claim.missingDocuments())
                .param("complete", timestamp(claim.materialsCompleteAt())).param("paid", timestamp(claim.paidAt()))
                .param("id", claim.id()).param("version", claim.version())
                .update();
        Row stored = rows.held(claim.id());
        if (updated != 1) {
            rows.forget(claim.id());
            throw DomainException.conflict("CLAIM_CHANGED", "申请已被他人更新，请刷新后重试");
        }
        // the row read in this transaction, at the version written over, is now exactly it with the update's columns
        if (stored != null && stored.claim().version() == claim.version()) {
            rows.put(claim.id(), new Row(stored.claim().updatedBy(claim), stored.memberName(), stored.memberIdMasked(),
                    stored.agencyCode()));
        } else {
            rows.forget(claim.id());
        }
        if (claim.status() != claim.statusAsRead()) {
            events.publishEvent(new ClaimStatusChanged(claim.id(), claim.statusAsRead(), claim.status()));
        }
    }

    /**
     * Where the member stands from their other claims of the scheme: what those of the scheme
     * year hold of the annual cap and how many were granted anything, and the diagnosis
     * groups already granted a lump sum. Counted are claims calculated and not rejected or
     * returned (they hold their subsidy from the league audit on).
     */
    MemberStanding standing(long memberId, String scheme, int schemeYear, LocalDate coveredSince, long exceptClaimId) {
        String others = """
                from claim where member_id = :member and scheme = :scheme and id <> :except
                  and status in ('LEAGUE_AUDIT', 'PAYOUT', 'PAID')
                """;
        Map<String, Object> params = Map.of("member", memberId, "scheme", scheme, "except", exceptClaimId,
                "year", schemeYear);
        Map<String, Object> year = jdbc.sql("select coalesce(sum(subsidy), 0.00) as paid,"
                        + " count(*) filter (where subsidy > 0) as claims " + others + " and scheme_year = :year")
                .params(params).query().singleRow();
        List<String> groups = jdbc.sql("select distinct diagnosis_group " + others
                        + " and subsidy > 0 and diagnosis_group is not null")
                .params(params).query(String.class).list();
        return new MemberStanding(coveredSince, (BigDecimal) year.get("paid"), ((Number) year.get("claims")).intValue(),
                Set.copyOf(groups));
    }

    /**
     * Takes the claim's invoices for it. Returns the invoices that another live claim holds;
     * those of a rejected claim are taken over.
     */
    List<Invoice> holdInvoices(long claimId, List<Invoice> invoices) {
        return invoices.stream().filter(invoice -> jdbc.sql("""
                        insert into invoice_holder as h (code, number, claim_id) values (:code, :number, :claim)
                        on conflict (code, number) do update set claim_id = excluded.claim_id
                        where h.claim_id = excluded.claim_id
                           or exists (select 1 from claim c where c.id = h.claim_id and c.status = 'REJECTED')
                        """)
                .param("code", invoice.code()).param("number", invoice.number()).param("claim", claimId)
                .update() == 0).toList();
    }

    /** The invoices another live claim holds, as {@link #holdInvoices} would find them; takes none. */
    List<Invoice> invoicesHeldElsewhere(List<Invoice> invoices) {
        return invoices.stream().filter(invoice -> jdbc.sql("""
                        select exists (select 1 from invoice_holder h join claim c on c.id = h.claim_id
                                       where h.code = :code and h.number = :number and c.status <> 'REJECTED')
                        """)
                .param("code", invoice.code()).param("number", invoice.number()).query(Boolean.class).single()).toList();
    }

    /** The account a returned transfer goes to next; the claim's other figures stay as audited. */
    void changeBankAccount(long claimId, BankAccount account) {
        rows.forget(claimId);
        jdbc.sql("""
                        update claim set bank_name = :bankName, bank_account_number = :accountNumber,
                            bank_account_name = :accountName, version = version + 1
                        where id = :id""")
                .param("bankName", account.bankName()).param("accountNumber", account.accountNumber())
                .param("accountName", account.accountName()).param("id", claimId).update();
    }

    /**
     * Links the claim to the process instance that runs it, when the process starts; a claim
     * audited again after the review of its rejection runs in a new instance.
     */
    public void linkProcess(long claimId, String processInstanceId) {
        Row stored = rows.held(claimId);
        rows.forget(claimId);
        jdbc.sql("update claim set process_instance_id = :process where id = :id")
                .param("process", processInstanceId).param("id", claimId).update();
        if (stored != null) {
            rows.put(claimId, new Row(stored.claim().linkedTo(processInstanceId), stored.memberName(),
                    stored.memberIdMasked(), stored.agencyCode()));
        }
    }

    /** Holds the claim's row until the transaction ends: changes to the claim's papers go one at a time. */
    void lock(long claimId) {
        // what was read before the lock may be older than what the lock now lets us read
        rows.forget(claimId);
        jdbc.sql("select id from claim where id = :id for update").param("id", claimId).query(Long.class).single();
    }

    /** The live claim other than {@code claimId} that holds the invoice, if any. */
    public Optional<Long> holderOtherThan(long claimId, Invoice invoice) {
        return jdbc.sql("""
                        select h.claim_id from invoice_holder h join claim c on c.id = h.claim_id
                        where h.code = :code and h.number = :number and h.claim_id <> :claim and c.status <> 'REJECTED'
                        """)
                .param("code", invoice.code()).param("number", invoice.number()).param("claim", claimId)
                .query(Long.class).optional();
    }

    void releaseInvoices(long claimId) {
        jdbc.sql("delete from invoice_holder where claim_id = :claim").param("claim", claimId).update();
    }

    private Claim map(ResultSet row, int rowNumber) throws SQLException {
        long id = row.getLong("id");
        String[] codes = (String[]) row.getArray("invoice_codes").getArray();
        String[] numbers = (String[]) row.getArray("invoice_numbers").getArray();
        List<Invoice> invoices = new java.util.ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            invoices.add(new Invoice(codes[i], numbers[i]));
        }
        EnumSet<DocumentKind> documents = EnumSet.noneOf(DocumentKind.class);
        for (String kind : (String[]) row.getArray("document_kinds").getArray()) {
            documents.add(DocumentKind.valueOf(kind));
        }
        Expenses expenses = row.getBigDecimal("expense_total") == null ? null
                : new Expenses(row.getBigDecimal("expense_total"), row.getBigDecimal("policy_scope"),
                        row.getBigDecimal("fund_paid"), row.getBigDecimal("critical_illness_paid"),
                        row.getBigDecimal("medical_assistance_paid"));
        return new Claim(id, row.getLong("member_id"), row.getString("scheme"), row.getLong("agency_id"),
                ClaimStatus.valueOf(row.getString("status")), row.getObject("admission_date", LocalDate.class),
                row.getObject("discharge_date", LocalDate.class), row.getString("hospital"), row.getString("diagnosis"),
                row.getString("diagnosis_code"), row.getObject("diagnosis_date", LocalDate.class), expenses,
                new BankAccount(row.getString("bank_name"), row.getString("bank_account_number"),
                        row.getString("bank_account_name")),
                invoices, documents, (Long) row.getObject("rule_set_id"), (Integer) row.getObject("scheme_year"),
                row.getString("diagnosis_group"), row.getBigDecimal("eligible_amount"), row.getBigDecimal("subsidy"),
                read(row.getString("subsidy_breakdown")), row.getString("rejection_reason"),
                RejectionCategory.of(row.getString("rejection_category")).orElse(null),
                row.getString("missing_documents"), row.getString("submitted_by"), instant(row, "submitted_at"),
                instant(row, "materials_complete_at"), instant(row, "paid_at"), row.getString("process_instance_id"),
                row.getInt("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private String write(SubsidyCalculation breakdown) {
        if (breakdown == null) {
            return null;
        }
        try {
            return json.writeValueAsString(breakdown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("breakdown cannot be written", e);
        }
    }

    private SubsidyCalculation read(String breakdown) {
        if (breakdown == null) {
            return null;
        }
        try {
            return json.readValue(breakdown, SubsidyCalculation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored breakdown is not readable", e);
        }
    }
}
