package org.huzhu.claim;

import java.util.List;

/**
 * The steps where people work on a claim now, as the claim module sees them. Implemented by the
 * inbox, which keeps every open task of a claim.
 */
public interface OpenWork {

    /** The names of the claim's open steps, e.g. 协会负责人审批, oldest first; none while no one works on it. */
    List<String> openSteps(long claimId);
}
