package org.huzhu.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.huzhu.platform.DomainException;
import org.huzhu.scheme.ClaimFacts;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.Expenses;
import org.huzhu.scheme.SubsidyCalculation;

/**
 * A member's claim: for a treatment's expenses (a hospital stay, an outpatient treatment) or
 * for a lump sum on a diagnosis, which may have no stay and no expenses. Owns its status
 * changes and refuses the ones that make no sense from where it stands.
 */
public class Claim {

    /** Who took the claim in when the member sent it online (线上快办), where a clerk's user id would stand. */
    public static final String ONLINE = "online";

    private final Long id;
    private final long memberId;
    private final String scheme;
    private final long agencyId;
    private ClaimStatus status;
    private final ClaimStatus statusAsRead;
    private final LocalDate admissionDate;
    private final LocalDate dischargeDate;
    private final String hospital;
    private final String diagnosis;
    private final String diagnosisCode;
    private final LocalDate diagnosisDate;
    private final Expenses expenses;
    private BankAccount bankAccount;
    private final List<Invoice> invoices;
    private final EnumSet<DocumentKind> documents;
    private Long ruleSetId;
    private Integer schemeYear;
    private String diagnosisGroup;
    private BigDecimal eligibleAmount;
    private BigDecimal subsidy;
    private SubsidyCalculation breakdown;
    private String rejectionReason;
    private RejectionCategory rejectionCategory;
    private String missingDocuments;
    private final String submittedBy;
    private final Instant submittedAt;
    private Instant materialsCompleteAt;
    private Instant paidAt;
    private final String processInstanceId;
    private final int version;

    Claim(Long id, long memberId, String scheme, long agencyId, ClaimStatus status, LocalDate admissionDate,
          LocalDate dischargeDate, String hospital, String diagnosis, String diagnosisCode, LocalDate diagnosisDate,
          Expenses expenses, BankAccount bankAccount, List<Invoice> invoices, Set<DocumentKind> documents,
          Long ruleSetId, Integer schemeYear, String diagnosisGroup, BigDecimal eligibleAmount, BigDecimal subsidy, SubsidyCalculation breakdown, String rejectionReason,
          RejectionCategory rejectionCategory, String missingDocuments, String submittedBy, Instant submittedAt, Instant materialsCompleteAt,
          Instant paidAt, String processInstanceId, int version) {
        this.id = id;
        this.memberId = memberId;
        this.scheme = scheme;
        this.agencyId = agencyId;
        this.status = status;
        this.statusAsRead = status;
        this.admissionDate = admissionDate;
        this.dischargeDate = dischargeDate;
        this.hospital = hospital;
        this.diagnosis = diagnosis;
        this.diagnosisCode = diagnosisCode;
        this.diagnosisDate = diagnosisDate;
        this.expenses = expenses;
        this.bankAccount = bankAccount;
        this.invoices = List.copyOf(invoices);
        this.documents = documents.isEmpty() ? EnumSet.noneOf(DocumentKind.class) : EnumSet.copyOf(documents);
        this.ruleSetId = ruleSetId;
        this.schemeYear = schemeYear;
        this.diagnosisGroup = diagnosisGroup;
        this.eligibleAmount = eligibleAmount;
        this.subsidy = subsidy;
        this.breakdown = breakdown;
        this.rejectionReason = rejectionReason;
        this.rejectionCategory = rejectionCategory;
        this.missingDocuments = missingDocuments;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.materialsCompleteAt = materialsCompleteAt;
        this.paidAt = paidAt;
        this.processInstanceId = processInstanceId;
        this.version = version;
    }

    /** A new claim as handed in at the counter, before any check has run. */
    static Claim submitted(long memberId, String scheme, long agencyId, LocalDate admissionDate,
                           LocalDate dischargeDate, String hospital, String diagnosis, String diagnosisCode,
                           LocalDate diagnosisDate, Expenses expenses, BankAccount bankAccount,
                           List<Invoice> invoices, Set<DocumentKind> documents, String submittedBy,
                           Instant submittedAt) {
        return new Claim(null, memberId, scheme, agencyId, ClaimStatus.SUBMITTED, admissionDate, dischargeDate,
                hospital, diagnosis, diagnosisCode, diagnosisDate, expenses, bankAccount, invoices, documents, null,
                null, null, null, null, null, null, null, null, submittedBy, submittedAt, null, null, null, 0);
    }

    /** The same claim as a fresh read would give it; a claim read in a transaction is handed out as copies. */
    Claim copy() {
        return new Claim(id, memberId, scheme, agencyId, status, admissionDate, dischargeDate, hospital, diagnosis,
                diagnosisCode, diagnosisDate, expenses, bankAccount, invoices, documents, ruleSetId, schemeYear,
                diagnosisGroup, eligibleAmount, subsidy, breakdown, rejectionReason, rejectionCategory, missingDocuments,
                submittedBy, submittedAt, materialsCompleteAt, paidAt, processInstanceId, version);
    }

    /** This stored claim once {@code written} (read at the same version) is stored over it: what an update writes, the rest as stored. */
    Claim updatedBy(Claim written) {
        return new Claim(id, memberId, scheme, agencyId, written.status, admissionDate, dischargeDate, hospital,
                diagnosis, diagnosisCode, diagnosisDate, expenses, bankAccount, invoices, documents, written.ruleSetId,
                written.schemeYear, written.diagnosisGroup, written.eligibleAmount, written.subsidy, written.breakdown,
                written.rejectionReason, written.rejectionCategory, written.missingDocuments, submittedBy, submittedAt,
                written.materialsCompleteAt, written.paidAt, processInstanceId, version + 1);
    }

    /** This stored claim once linked to the process instance that runs it. */
    Claim linkedTo(String processInstance) {
        return new Claim(id, memberId, scheme, agencyId, status, admissionDate, dischargeDate, hospital, diagnosis,
                diagnosisCode, diagnosisDate, expenses, bankAccount, invoices, documents, ruleSetId, schemeYear,
                diagnosisGroup, eligibleAmount, subsidy, breakdown, rejectionReason, rejectionCategory, missingDocuments,
                submittedBy, submittedAt, materialsCompleteAt, paidAt, processInstance, version);
    }

    /** What the subsidy depends on. */
    public ClaimFacts facts() {
        return new ClaimFacts(admissionDate, dischargeDate, expenses, diagnosisCode, diagnosisDate);
    }

    /** What the claim is for, in the words of a message to the member. */
    public String occasion() {
        return admissionDate != null ? admissionDate + "至" + dischargeDate + "就医"
                : diagnosisDate + "确诊" + diagnosis;
    }

    void addDocuments(Set<DocumentKind> received) {
        require(status == ClaimStatus.AWAITING_SUPPLEMENTS, "CLAIM_NOT_AWAITING_SUPPLEMENTS", "该申请当前不需要补件");
        documents.addAll(received);
    }

    /** Files of papers may come until the claim is decided, and for the review of its rejection: not when it is paid, being paid or rejected. */
    void requireOpenForPapers() {
        require(EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.AWAITING_SUPPLEMENTS, ClaimStatus.AGENCY_CHECK,
                        ClaimStatus.LEAGUE_AUDIT, ClaimStatus.REVIEW).contains(status), "CLAIM_CLOSED_FOR_PAPERS",
                "申请当前状态（" + status.label() + "）不再接收材料文件");
    }

    void awaitSupplements(Set<DocumentKind> missing) {
        requireOneOf(EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.AWAITING_SUPPLEMENTS));
        status = ClaimStatus.AWAITING_SUPPLEMENTS;
        missingDocuments = String.join(",", missing.stream().map(Enum::name).sorted().toList());
    }

    /** Materials are complete: the payment clock starts and the agency check begins. */
    void materialsComplete(Instant at) {
        requireOneOf(EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.AWAITING_SUPPLEMENTS));
        status = ClaimStatus.AGENCY_CHECK;
        missingDocuments = null;
        materialsCompleteAt = at;
        // The agency sees what the subsidy will be based on; the calculation confirms it.
        if (expenses != null) {
            eligibleAmount = expenses.eligibleBase();
        }
    }

    /** Rejected with the reason the member is told; the category is the auditor's, none for the pre-check's. */
    void reject(RejectionCategory category, String reason) {
        requireOneOf(EnumSet.of(ClaimStatus.SUBMITTED, ClaimStatus.AWAITING_SUPPLEMENTS, ClaimStatus.AGENCY_CHECK,
                ClaimStatus.LEAGUE_AUDIT));
        status = ClaimStatus.REJECTED;
        rejectionReason = reason;
        rejectionCategory = category;
    }

    /** The member asks for a review of the rejection (复核申请): the claim waits for its decision. */
    void requestReview() {
        require(status == ClaimStatus.REJECTED, "CLAIM_NOT_REJECTED", "只有已驳回的申请可以申请复核");
        status = ClaimStatus.REVIEW;
    }

    /** The review refuses: the rejection stands, finally. */
    void reviewRefused() {
        requireOneOf(EnumSet.of(ClaimStatus.REVIEW));
        status = ClaimStatus.REJECTED;
    }

    /** The review upholds: the rejection is withdrawn and the claim is audited again from the agency check on. */
    void reviewUpheld() {
        requireOneOf(EnumSet.of(ClaimStatus.REVIEW));
        status = ClaimStatus.AGENCY_CHECK;
        rejectionReason = null;
        rejectionCategory = null;
    }

    /** The subsidy is calculated on the rule set in force; the claim goes to the league. */
    void calculated(long ruleSetId, int schemeYear, SubsidyCalculation calculation) {
        requireOneOf(EnumSet.of(ClaimStatus.AGENCY_CHECK));
        this.ruleSetId = ruleSetId;
        this.schemeYear = schemeYear;
        this.diagnosisGroup = calculation.diagnosisGroup() == null ? null : calculation.diagnosisGroup().code();
        this.eligibleAmount = calculation.eligibleBase();
        this.subsidy = calculation.subsidy();
        this.breakdown = calculation;
        status = ClaimStatus.LEAGUE_AUDIT;
    }

    /** The league sends the claim back: its subsidy no longer holds part of the member's cap. */
    void returnToAgency() {
        requireOneOf(EnumSet.of(ClaimStatus.LEAGUE_AUDIT));
        status = ClaimStatus.AGENCY_CHECK;
    }

    void approveForPayout() {
        requireOneOf(EnumSet.of(ClaimStatus.LEAGUE_AUDIT));
        status = ClaimStatus.PAYOUT;
    }

    void paid(Instant at) {
        requireOneOf(EnumSet.of(ClaimStatus.PAYOUT));
        status = ClaimStatus.PAID;
        paidAt = at;
    }

    private void requireOneOf(Set<ClaimStatus> allowed) {
        require(allowed.contains(status), "CLAIM_STATUS_CONFLICT", "申请当前状态（" + status + "）不允许此操作");
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw DomainException.conflict(code, message);
        }
    }

    public Long id() { return id; }
    public long memberId() { return memberId; }
    public String scheme() { return scheme; }
    public long agencyId() { return agencyId; }
    public ClaimStatus status() { return status; }
    public LocalDate admissionDate() { return admissionDate; }
    public LocalDate dischargeDate() { return dischargeDate; }
    public String hospital() { return hospital; }
    public String diagnosis() { return diagnosis; }
    public String diagnosisCode() { return diagnosisCode; }
    public LocalDate diagnosisDate() { return diagnosisDate; }
    public Expenses expenses() { return expenses; }
    public BankAccount bankAccount() { return bankAccount; }
    public List<Invoice> invoices() { return invoices; }
    public Set<DocumentKind> documents() { return EnumSet.copyOf(documents); }
    public Long ruleSetId() { return ruleSetId; }
    public Integer schemeYear() { return schemeYear; }
    public String diagnosisGroup() { return diagnosisGroup; }
    public BigDecimal eligibleAmount() { return eligibleAmount; }
    public BigDecimal subsidy() { return subsidy; }
    public SubsidyCalculation breakdown() { return breakdown; }
    public String rejectionReason() { return rejectionReason; }
    public RejectionCategory rejectionCategory() { return rejectionCategory; }
    public String missingDocuments() { return missingDocuments; }
    public String submittedBy() { return submittedBy; }
    public boolean submittedOnline() { return ONLINE.equals(submittedBy); }
    public Instant submittedAt() { return submittedAt; }
    public Instant materialsCompleteAt() { return materialsCompleteAt; }
    public Instant paidAt() { return paidAt; }
    public String processInstanceId() { return processInstanceId; }
    int version() { return version; }
    ClaimStatus statusAsRead() { return statusAsRead; }
}
