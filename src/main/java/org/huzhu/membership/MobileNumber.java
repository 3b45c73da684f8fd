package org.huzhu.membership;

import java.util.Optional;
import java.util.regex.Pattern;

import org.huzhu.notification.MobileNumbers;

/**
 * A member's mainland mobile number (11 digits, 1 then 3-9), where sign-in codes and messages
 * go. Shown masked (138****1234) everywhere but the clerk's form that changes it.
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

    /** 138****1234 as the messages show it ({@link MobileNumbers}); null stays null. */
    public static String mask(String number) {
        return number == null ? null : MobileNumbers.masked(number);
    }
}
