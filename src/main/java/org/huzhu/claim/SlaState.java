package org.huzhu.claim;

/** Where a claim stands against its payment deadline (ten working days from complete materials). */
public enum SlaState {
    /** Materials are not complete yet: the clock has not started. */
    NOT_STARTED("未开始计时"),
    ON_TRACK("正常"),
    /** Few working days are left (two or fewer by default). */
    AT_RISK("临期"),
    /** The deadline has passed, open or paid late. */
    BREACHED("已超期"),
    /** Paid by the end of the due date. */
    MET("按期支付"),
    /** Rejected after the clock started: no payment is due. */
    CLOSED("已结束");

    private final String label;

    SlaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
