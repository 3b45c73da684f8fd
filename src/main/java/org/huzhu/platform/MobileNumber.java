package org.huzhu.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland mobile number (11 digits, 1 then 3-9), a member's or a staff member's: where
 * sign-in codes and messages go. Shown masked (138****1234) everywhere but the form that changes it.
 */
public final class MobileNumber {

    private static final Pattern WELL_FORMED = Pattern.compile("1[3-9][0-9]{9}");

    private MobileNumber() {
    }

    /** The number without spaces and dashes (as people type them), when it is a mobile number. */
    public static Optional<String> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return WELL_FORMED.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The first three and last four of an 11-digit number (138****1234), anything else ****; null stays null. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        return number.length() != 11 ? "****" : number.substring(0, 3) + "****" + number.substring(7);
    }
}
