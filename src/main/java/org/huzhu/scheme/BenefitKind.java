package org.huzhu.scheme;

/**
 * How a scheme pays: on what the member bore of a treatment's expenses, or a fixed sum on a
 * diagnosis. It also fixes the day that decides which rule set applies.
 */
public enum BenefitKind {
    EXPENSE("入院日期"),
    LUMP_SUM("确诊日期");

    private final String eventLabel;

    BenefitKind(String eventLabel) {
        this.eventLabel = eventLabel;
    }

    /** The day that decides cover and rules, as people call it: admission or diagnosis. */
    public String eventLabel() {
        return eventLabel;
    }
}
