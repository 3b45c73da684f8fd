package org.huzhu.membership;

/** Which basic medical insurance a member has: employees' (职工医保) or residents' (城乡居民医保). */
public enum InsuranceType {
    EMPLOYEE("职工医保"),
    RESIDENT("城乡居民医保");

    private final String label;

    InsuranceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
