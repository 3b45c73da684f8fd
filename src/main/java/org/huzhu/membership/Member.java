package org.huzhu.membership;

import java.time.LocalDate;

import org.huzhu.platform.MobileNumber;

/**
 * A worker covered through a unit. Birth date and sex are read off the ID number; the mobile
 * number (may be null) is where sign-in codes and messages go.
 */
public record Member(long id, String idNumber, String name, LocalDate birthDate, Sex sex,
                     InsuranceType insuranceType, String unitCode, long agencyId, String agencyCode,
                     String organiserCode, String mobile) {

    public String maskedIdNumber() {
        return ResidentIdNumber.mask(idNumber);
    }

    /** 138****1234, or null when no number is on file. */
    public String maskedMobile() {
        return MobileNumber.mask(mobile);
    }

    /** The record spelled out would show the ID and mobile numbers in a log: only the id and the masked values. */
    @Override
    public String toString() {
        return "Member[id=" + id + ", idNumber=" + maskedIdNumber() + ", mobile=" + maskedMobile() + "]";
    }
}
