package org.huzhu.claim;

import java.time.Instant;

import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes an approved claim once its payment is made. */
@Service
public class ClaimSettlement {

    private final Claims claims;
    private final ClaimHistory history;

    ClaimSettlement(Claims claims, ClaimHistory history) {
        this.claims = claims;
        this.history = history;
    }

    /** Marks the claim paid; false when it already was, so a repeated payout step changes nothing. */
    @Transactional
    public boolean markPaid(long claimId, Instant at, String reference) {
        Claim claim = claims.get(claimId);
        if (claim.status() == ClaimStatus.PAID) {
            return false;
        }
        claim.paid(at);
        claims.update(claim);
        history.record(claimId, "PAID", Staff.SYSTEM, at, null, reference);
        return true;
    }
}
