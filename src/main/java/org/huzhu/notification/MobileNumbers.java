package org.huzhu.notification;

/** A mobile number as pages and logs may show it: 138****1234. */
public final class MobileNumbers {

    private MobileNumbers() {
    }

    /** The first three and last four of an 11-digit number; anything else shows as ****. */
    public static String masked(String mobile) {
        if (mobile == null || mobile.length() != 11) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
}
