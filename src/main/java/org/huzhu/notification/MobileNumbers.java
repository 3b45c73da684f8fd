package org.huzhu.notification;

/** A mobile number as pages and logs may show it: 138****1234. */
public final class MobileNumbers {

    private MobileNumbers() {
    }

    public static String masked(String mobile) {
        if (mobile == null || mobile.length() < 8) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }
}
