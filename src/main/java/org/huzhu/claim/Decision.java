package org.huzhu.claim;

/** What an auditor decides. RETURN sends a claim from the league audit back to the agency. */
public enum Decision {
    APPROVE("通过"), REJECT("驳回"), RETURN("退回代办点");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
