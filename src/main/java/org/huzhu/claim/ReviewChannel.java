package org.huzhu.claim;

/** Where a review of a rejection was asked for: at the agency's counter by a clerk, or by the member online. */
public enum ReviewChannel {
    COUNTER("代办点受理"), ONLINE("会员线上申请");

    private final String label;

    ReviewChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
