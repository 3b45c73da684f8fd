package org.huzhu.membership;

import java.time.LocalDate;

/** A worker covered through a unit. Birth date and sex are read off the ID number. */
public record Member(long id, String idNumber, String name, LocalDate birthDate, Sex sex,
                     InsuranceType insuranceType, String unitCode, long agencyId, String agencyCode,
                     String organiserCode) {

    public String maskedIdNumber() {
        return ResidentIdNumber.mask(idNumber);
    }
}
