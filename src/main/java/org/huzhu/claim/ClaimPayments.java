package org.huzhu.claim;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A claim's payment instructions, as the claim view lists them. Implemented by the payout
 * module, which owns them.
 */
public interface ClaimPayments {

    List<Line> of(long claimId);

    /** The lines of many claims in one read, by claim; a claim without instructions is left out. */
    Map<Long, List<Line>> ofClaims(Collection<Long> claimIds);

    /** The claim's latest attempt the bank returned, with why. */
    static Optional<Line> lastReturned(List<Line> lines) {
        return lines.stream().filter(line -> line.returnReason() != null).reduce((first, second) -> second);
    }

    /** A line's status as people read it, e.g. 已到账. */
    String statusLabel(String status);

    record Line(long id, int attempt, String status, BigDecimal amount, String accountMasked, String returnReason,
                List<Funder> funders) {
    }

    record Funder(String code, String name, BigDecimal amount) {
    }
}
