package org.huzhu.claim;

/** What the automated pre-check found; the process routes on it. */
public enum PreCheckOutcome {
    ELIGIBLE("符合条件"), INCOMPLETE("材料不全"), INELIGIBLE("不符合条件");

    private final String label;

    PreCheckOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
