package org.huzhu.claim;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import org.huzhu.scheme.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages to members, written to an outbox table; a sender (SMS, WeChat) delivers them and
 * sets sent_at. The outcome of a claim is written once.
 */
@Component
public class MemberNotices {

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void supplementsNeeded(Claim claim, Set<DocumentKind> missing) {
        write(claim, "SUPPLEMENTS_NEEDED", "您" + claim.occasion() + "的互助补助申请材料不全，请补交："
                + String.join("、", missing.stream().map(DocumentKind::label).toList()) + "。");
    }

    /** Tells the member how the claim ended; a repeated call changes nothing. */
    public void outcome(Claim claim) {
        switch (claim.status()) {
            case PAID -> write(claim, "PAID", "您" + claim.occasion() + "的互助补助申请已审核通过，补助金" + claim.subsidy()
                    + "元已支付至尾号" + last4(claim.bankAccount().accountNumber()) + "的银行账户。");
            case REJECTED -> write(claim, "REJECTED", "您" + claim.occasion() + "的互助补助申请未获通过，原因："
                    + claim.rejectionReason() + "。如有疑问请联系代办点。");
            default -> throw new IllegalStateException("claim " + claim.id() + " has no outcome yet: " + claim.status());
        }
    }

    private void write(Claim claim, String kind, String message) {
        jdbc.sql("""
                        insert into notification (claim_id, member_id, kind, message, created_at)
                        values (:claim, :member, :kind, :message, :at) on conflict do nothing
                        """)
                .param("claim", claim.id()).param("member", claim.memberId()).param("kind", kind)
                .param("message", message).param("at", Timestamp.from(clock.instant())).update();
    }

    private static String last4(String accountNumber) {
        return accountNumber.substring(accountNumber.length() - 4);
    }

}
