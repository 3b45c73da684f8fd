package org.huzhu.payout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.huzhu.claim.Claim;
import org.huzhu.scheme.Funding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payment instructions, their funders' shares and every move they make (tables
 * payment_instruction, payment_funder_share, payment_instruction_event). A move names the
 * state it leaves, so a move already made, or one that would go backwards, changes nothing.
 */
@Repository
public class PaymentInstructions {

    private static final String COLUMNS = """
            select id, claim_id, attempt, amount, bank_name, account_number, account_masked, account_name, status,
                   batch_id, return_reason, created_at from payment_instruction""";

    private final JdbcClient jdbc;

    PaymentInstructions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The claim's next attempt: 1 for its first instruction, one more after each returned one. */
    int nextAttempt(long claimId) {
        return jdbc.sql("select coalesce(max(attempt), 0) + 1 from payment_instruction where claim_id = :claim")
                .param("claim", claimId).query(Integer.class).single();
    }

    /**
     * A pending instruction to pay the claim's subsidy to its account, with the claim's scheme and
     * scheme year; empty when the claim has one already for this attempt or one not returned.
     */
    Optional<Long> add(Claim claim, int attempt, Instant at) {
        return jdbc.sql("""
                        insert into payment_instruction (claim_id, attempt, amount, bank_name, account_number,
                            account_masked, account_name, status, created_at, updated_at, scheme, scheme_year)
                        values (:claim, :attempt, :amount, :bank, :number, :masked, :name, 'PENDING', :at, :at,
                            :scheme, :year)
                        on conflict do nothing returning id""")
                .param("claim", claim.id()).param("attempt", attempt).param("amount", claim.subsidy())
                .param("scheme", claim.scheme()).param("year", claim.schemeYear())
                .param("bank", claim.bankAccount().bankName()).param("number", claim.bankAccount().accountNumber())
                .param("masked", claim.bankAccount().maskedNumber()).param("name", claim.bankAccount().accountName())
                .param("at", Timestamp.from(at)).query(Long.class).optional();
    }

    /** Who bears what of the instruction's amount: one row per funder. */
    void addShares(long id, List<Funding.Part> parts) {
        for (Funding.Part part : parts) {
            jdbc.sql("""
                            insert into payment_funder_share (instruction_id, funder_code, funder_name, amount)
                            values (:id, :code, :name, :amount)""")
                    .param("id", id).param("code", part.code()).param("name", part.name())
                    .param("amount", part.amount()).update();
        }
    }

    void recordReturnReason(long id, String reason) {
        jdbc.sql("update payment_instruction set return_reason = :why where id = :id")
                .param("why", reason).param("id", id).update();
    }

    /** What each funder bore of the scheme year's confirmed instructions, by funder code. */
    List<FundBalance.FunderPayout> confirmedByFunder(String scheme, int schemeYear) {
        return jdbc.sql("""
                        select s.funder_code, s.funder_name, sum(s.amount)
                        from payment_funder_share s join payment_instruction i on i.id = s.instruction_id
                        where i.status = 'CONFIRMED' and i.scheme = :scheme and i.scheme_year = :year
                        group by s.funder_code, s.funder_name order by s.funder_code""")
                .param("scheme", scheme).param("year", schemeYear)
                .query((row, n) -> new FundBalance.FunderPayout(row.getString(1), row.getString(2), row.getBigDecimal(3)))
                .list();
    }

    /** Moves the instruction from one of {@code from} to {@code to}; false when it was not in any of them. */
    boolean move(long id, Collection<PaymentStatus> from, PaymentStatus to, String cause, Instant at) {
        PaymentStatus now = jdbc.sql("select status from payment_instruction where id = :id for update")
                .param("id", id).query((row, n) -> PaymentStatus.valueOf(row.getString(1))).single();
        if (!from.contains(now)) {
            return false;
        }
        jdbc.sql("update payment_instruction set status = :to, updated_at = :at where id = :id")
                .param("id", id).param("to", to.name()).param("at", Timestamp.from(at)).update();
        recordMove(id, now.name(), to, cause, at);
        return true;
    }

    void recordMove(long id, String from, PaymentStatus to, String cause, Instant at) {
        jdbc.sql("""
                        insert into payment_instruction_event (instruction_id, from_status, to_status, at, cause)
                        values (:id, :from, :to, :at, :cause)""")
                .param("id", id).param("from", from).param("to", to.name()).param("at", Timestamp.from(at))
                .param("cause", cause).update();
    }

    public Optional<PaymentInstruction> find(long id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::row).optional()
                .map(i -> withFunders(List.of(i)).get(0));
    }

    public List<PaymentInstruction> ofClaims(Collection<Long> claimIds) {
        if (claimIds.isEmpty()) {
            return List.of();
        }
        return withFunders(jdbc.sql(COLUMNS + " where claim_id in (:claims) order by claim_id, attempt")
                .param("claims", claimIds).query(this::row).list());
    }

    public List<PaymentInstruction> ofBatch(long batchId) {
        return withFunders(jdbc.sql(COLUMNS + " where batch_id = :batch order by id").param("batch", batchId)
                .query(this::row).list());
    }

    /** How many instructions stand in each status; a status none stands in is left out. */
    public Map<PaymentStatus, Long> countsByStatus() {
        Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
        jdbc.sql("select status, count(*) from payment_instruction group by status")
                .query((row, n) -> Map.entry(PaymentStatus.valueOf(row.getString(1)), row.getLong(2))).list()
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }

    /** The newest instructions in the status first, at most {@code limit}. */
    public List<PaymentInstruction> withStatus(PaymentStatus status, int limit) {
        return withFunders(jdbc.sql(COLUMNS + " where status = :status order by id desc limit :limit")
                .param("status", status.name()).param("limit", limit).query(this::row).list());
    }

    /** Returned transfers whose claim has no newer order yet, the longest waiting first. */
    public List<AwaitingAccountFix> awaitingAccountFix() {
        return jdbc.sql("""
                        select i.id, i.claim_id, i.attempt, i.amount, i.bank_name, i.account_masked, i.return_reason,
                               b.id batch_id, b.file_name,
                               (select max(e.at) from payment_instruction_event e
                                where e.instruction_id = i.id and e.to_status = 'RETURNED') returned_at
                        from payment_instruction i join payment_batch b on b.id = i.batch_id
                        where i.status = 'RETURNED' and not exists (select 1 from payment_instruction later
                            where later.claim_id = i.claim_id and later.attempt > i.attempt)
                        order by returned_at, i.id""")
                .query((row, n) -> new AwaitingAccountFix(row.getLong("id"), row.getLong("claim_id"), row.getInt("attempt"),
                        row.getBigDecimal("amount"), row.getString("bank_name"), row.getString("account_masked"),
                        row.getString("return_reason"), row.getLong("batch_id"), row.getString("file_name"),
                        row.getTimestamp("returned_at").toInstant()))
                .list();
    }

    private List<PaymentInstruction> withFunders(List<PaymentInstruction> instructions) {
        if (instructions.isEmpty()) {
            return instructions;
        }
        Map<Long, List<PaymentInstruction.FunderShare>> shares = jdbc.sql("""
                        select instruction_id, funder_code, funder_name, amount from payment_funder_share
                        where instruction_id in (:ids) order by instruction_id, funder_code""")
                .param("ids", instructions.stream().map(PaymentInstruction::id).toList())
                .query((row, n) -> Map.entry(row.getLong("instruction_id"), new PaymentInstruction.FunderShare(
                        row.getString("funder_code"), row.getString("funder_name"), row.getBigDecimal("amount"))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return instructions.stream().map(i -> new PaymentInstruction(i.id(), i.claimId(), i.attempt(), i.amount(),
                i.bankName(), i.accountNumber(), i.accountMasked(), i.accountName(), i.status(), i.batchId(),
                i.returnReason(), i.createdAt(), shares.getOrDefault(i.id(), List.of()))).toList();
    }

    private PaymentInstruction row(ResultSet row, int n) throws SQLException {
        Long batch = row.getObject("batch_id", Long.class);
        return new PaymentInstruction(row.getLong("id"), row.getLong("claim_id"), row.getInt("attempt"),
                row.getBigDecimal("amount"), row.getString("bank_name"), row.getString("account_number"),
                row.getString("account_masked"), row.getString("account_name"),
                PaymentStatus.valueOf(row.getString("status")), batch,
                row.getString("return_reason"), row.getTimestamp("created_at").toInstant(), List.of());
    }
}
