package org.huzhu.membership;

public enum Sex {
    M("男"),
    F("女");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
