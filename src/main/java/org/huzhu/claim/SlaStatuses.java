package org.huzhu.claim;

import java.util.Collection;
import java.util.Map;

/**
 * The payment deadlines of claims, as the claim module shows them. Implemented by the SLA
 * module, which keeps the clock; a claim whose clock has not started is {@link SlaStatus#NOT_STARTED}.
 */
public interface SlaStatuses {

    SlaStatus of(long claimId);

    /** One lookup for a whole list; every id asked for has an entry. */
    Map<Long, SlaStatus> of(Collection<Long> claimIds);

    /** A list's deadlines only (no stage times), in one read; every id asked for has an entry. */
    Map<Long, SlaStatus> deadlines(Collection<Long> claimIds);
}
