package org.huzhu.sla;

/** What the process raises about a claim's deadline; each at most once per claim. */
public enum EscalationKind {
    AT_RISK("临期"),
    BREACHED("超期");

    private final String label;

    EscalationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
