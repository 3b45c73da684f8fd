package org.huzhu.claim;

/** What the automated pre-check found; the process routes on it. */
public enum PreCheckOutcome {
    ELIGIBLE, INCOMPLETE, INELIGIBLE
}
