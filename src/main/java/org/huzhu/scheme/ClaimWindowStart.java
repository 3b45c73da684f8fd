package org.huzhu.scheme;

/** The event a scheme's claim deadline counts from. */
public enum ClaimWindowStart {
    DISCHARGE("出院"),
    DIAGNOSIS("确诊"),
    END_OF_PROTECTION_PERIOD("保障期满");

    private final String label;

    ClaimWindowStart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
