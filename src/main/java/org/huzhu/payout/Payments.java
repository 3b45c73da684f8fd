package org.huzhu.payout;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import org.huzhu.claim.Claim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The payments that settled claims (table payment): one per claim at most, so no claim is
 * recorded paid twice. A payment keeps the scheme and scheme year of the claim it paid.
 */
@Repository
class Payments {

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim settled with a subsidy of nothing, without a transfer; nothing when it is recorded already. */
    void addWithoutTransfer(Claim claim, Instant paidAt) {
        jdbc.sql("""
                        insert into payment (claim_id, amount, bank_account_masked, paid_at, scheme, scheme_year)
                        values (:claim, 0.00, :account, :at, :scheme, :year) on conflict do nothing""")
                .param("claim", claim.id()).param("scheme", claim.scheme()).param("year", claim.schemeYear())
                .param("account", claim.bankAccount().maskedNumber()).param("at", Timestamp.from(paidAt)).update();
    }

    /** The payment of a confirmed instruction, with the instruction's scheme and scheme year. */
    void addConfirmed(PaymentInstruction instruction, Instant paidAt) {
        jdbc.sql("""
                        insert into payment (claim_id, amount, bank_account_masked, paid_at, instruction_id,
                            scheme, scheme_year)
                        select :claim, :amount, :account, :at, id, scheme, scheme_year
                        from payment_instruction where id = :instruction""")
                .param("claim", instruction.claimId()).param("amount", instruction.amount())
                .param("account", instruction.accountMasked()).param("at", Timestamp.from(paidAt))
                .param("instruction", instruction.id()).update();
    }

    /** What the claims of the scheme year were paid in all. */
    BigDecimal total(String scheme, int schemeYear) {
        return jdbc.sql("select coalesce(sum(amount), 0.00) from payment where scheme = :scheme and scheme_year = :year")
                .param("scheme", scheme).param("year", schemeYear).query(BigDecimal.class).single();
    }
}
