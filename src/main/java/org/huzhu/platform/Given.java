package org.huzhu.platform;

/** A field as a person sent it: stripped, and null when left blank (a filter's "any", an optional value). */
public final class Given {

    private Given() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
