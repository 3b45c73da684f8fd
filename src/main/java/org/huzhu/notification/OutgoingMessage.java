package org.huzhu.notification;

import java.util.Map;

import org.huzhu.platform.MobileNumber;

/**
 * A message on its way: to a mobile number (a member) or to a staff group (the supervisors).
 *
 * @param idempotencyKey the same for every attempt of this message, so the provider delivers it once
 */
public record OutgoingMessage(long id, String kind, String idempotencyKey, String mobile, String staffRecipients,
                              Map<String, String> params, String subject, String text) {

    /** Where it goes, as it may be shown and logged: 138****1234, or the staff group. */
    public String maskedRecipient() {
        return mobile != null ? MobileNumber.mask(mobile) : staffRecipients;
    }
}
