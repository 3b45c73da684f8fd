package org.huzhu.platform;

/**
 * A name as the counter types it: a person's, a unit's, a bank's or an account holder's, a
 * hospital's. One line, of a bounded length, and never starting with {@code = + - @}: no
 * name does, and in a spreadsheet such a cell is taken for a formula.
 */
public final class NameText {

    private NameText() {
    }

    /** Adds what is wrong with the name to the problems; a blank one gets the required message. */
    public static void check(Problems problems, String field, String value, String requiredMessage, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(field, "REQUIRED", requiredMessage);
            return;
        }
        String name = value.strip();
        if (name.length() > maxLength) {
            problems.add(field, "TOO_LONG", "最多" + maxLength + "个字");
        } else if (name.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            problems.add(field, "LINE_BREAK", "名称只能写在一行内");
        } else if ("=+-@".indexOf(name.charAt(0)) >= 0) {
            problems.add(field, "FORMULA_LIKE", "名称不能以 =、+、-、@ 开头");
        }
    }
}
