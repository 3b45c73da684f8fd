package org.huzhu.inbox;

import java.util.List;

import org.huzhu.claim.Decision;
import org.huzhu.claim.RejectionCategory;

/**
 * An open task of a claim as one person finds it on the claim page: the step, who holds it, and
 * what this person may do with it. Only its candidates and supervisors see it.
 *
 * @param stage     the step, in words (代办点审核)
 * @param outcomes  the decisions the step takes; empty when it is no audit step
 * @param mayDecide the person holds it and it is an audit step
 * @param mayTake   nobody holds it and the person is a candidate
 * @param mayRelease the person holds it, or supervises and someone does
 * @param handOverTo the candidates a supervisor may hand it to (not its holder); empty for everyone else
 */
public record ClaimTask(String taskId, String stage, String assignee, List<Decision> outcomes, boolean mayDecide,
                        boolean mayTake, boolean mayRelease, List<String> handOverTo) {

    public boolean mayHandOver() {
        return !handOverTo.isEmpty();
    }

    /** The categories a rejection is filed under, when the step may reject. */
    public List<RejectionCategory> rejectionCategories() {
        return outcomes.contains(Decision.REJECT) ? List.of(RejectionCategory.values()) : List.of();
    }
}
