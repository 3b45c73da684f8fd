package org.huzhu.inbox;

/** What an auditor narrows the task list to; null means any. */
public record WorkFilter(String stage, String agency, String scheme, boolean urgentOnly, boolean assignedToMe,
                         boolean unassigned) {

    public static WorkFilter none() {
        return new WorkFilter(null, null, null, false, false, false);
    }
}
