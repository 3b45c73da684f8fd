package org.huzhu.payout;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimSettlement;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.Claims;
import org.huzhu.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays an approved claim. The payment row is unique per claim, so a retried or repeated
 * step finds the payment already made and pays nothing more.
 */
@Service
public class Payouts {

    private final JdbcClient jdbc;
    private final Claims claims;
    private final ClaimSettlement settlement;
    private final Clock clock;

    Payouts(JdbcClient jdbc, Claims claims, ClaimSettlement settlement, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Transactional
    public void pay(long claimId) {
        Claim claim = claims.get(claimId);
        if (claim.status() == ClaimStatus.PAID) {
            return;
        }
        if (claim.status() != ClaimStatus.PAYOUT) {
            throw DomainException.conflict("CLAIM_NOT_APPROVED", "申请未经审核通过，不能支付");
        }
        Instant now = clock.instant();
        Optional<Long> paymentId = jdbc.sql("""
                        insert into payment (claim_id, amount, bank_account_masked, paid_at)
                        values (:claim, :amount, :account, :at)
                        on conflict (claim_id) do nothing returning id
                        """)
                .param("claim", claimId).param("amount", claim.subsidy())
                .param("account", claim.bankAccount().maskedNumber()).param("at", Timestamp.from(now))
                .query(Long.class).optional();
        long id = paymentId.orElseGet(() -> jdbc.sql("select id from payment where claim_id = :claim")
                .param("claim", claimId).query(Long.class).single());
        settlement.markPaid(claimId, now, "付款单" + id + "，" + claim.subsidy() + "元至" + claim.bankAccount());
    }

    public Optional<Payment> ofClaim(long claimId) {
        return jdbc.sql("select id, claim_id, amount, bank_account_masked, paid_at from payment where claim_id = :claim")
                .param("claim", claimId)
                .query((row, n) -> new Payment(row.getLong("id"), row.getLong("claim_id"), row.getBigDecimal("amount"),
                        row.getString("bank_account_masked"), row.getTimestamp("paid_at").toInstant()))
                .optional();
    }
}
