package org.huzhu.scheme;

import java.util.regex.Pattern;

/**
 * ICD-10 diagnosis codes as hospitals write them (C50.9, or the national clinical
 * extension C50.900x001). Codes and prefixes are compared without the dot, in upper case.
 */
public final class Icd10 {

    private static final Pattern CODE = Pattern.compile("[A-Z]\\d{2}(\\.[0-9A-Z]{1,8})?");
    private static final Pattern PREFIX = Pattern.compile("[A-Z](\\d{1,2}|\\d{2}\\.?[0-9A-Z]{1,8})?");

    private Icd10() {
    }

    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code.strip().toUpperCase()).matches();
    }

    public static boolean isPrefix(String prefix) {
        return prefix != null && PREFIX.matcher(prefix.strip().toUpperCase()).matches();
    }

    /** The code as it is stored and shown: upper case, without surrounding blanks (null stays null). */
    public static String canonical(String code) {
        return code == null ? null : code.strip().toUpperCase();
    }

    /** Upper case, without the dot: the form prefixes are matched in. */
    public static String normalised(String code) {
        return code.strip().toUpperCase().replace(".", "");
    }
}
