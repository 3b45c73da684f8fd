package org.huzhu.claim;

/** Where a claim stands against its payment deadline (ten working days from complete materials). */
public enum SlaState {
    /** Materials are not complete yet: the clock has not started. */
    NOT_STARTED,
    ON_TRACK,
    /** Few working days are left (two or fewer by default). */
    AT_RISK,
    /** The deadline has passed, open or paid late. */
    BREACHED,
    /** Paid by the end of the due date. */
    MET,
    /** Rejected after the clock started: no payment is due. */
    CLOSED
}
