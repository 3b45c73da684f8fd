package org.huzhu.claim;

import java.math.BigDecimal;
import java.util.List;

/**
 * A claim's payment instructions, as the claim view lists them. Implemented by the payout
 * module, which owns them.
 */
public interface ClaimPayments {

    List<Line> of(long claimId);

    /** A line's status as people read it, e.g. 已到账. */
    String statusLabel(String status);

    record Line(long id, int attempt, String status, BigDecimal amount, String accountMasked, String returnReason,
                List<Funder> funders) {
    }

    record Funder(String code, String name, BigDecimal amount) {
    }
}
