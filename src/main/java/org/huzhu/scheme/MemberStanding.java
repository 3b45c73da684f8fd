package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * Where the member stands in the scheme when a claim is calculated.
 *
 * @param coveredSince     the first day of the member's continuous cover (unknown when null: no wait, no years)
 * @param paidThisYear     what the member's other claims of the scheme year were granted
 * @param claimsThisYear   how many of those claims were granted anything
 * @param paidGroups       diagnosis groups a lump sum was already granted for
 */
public record MemberStanding(LocalDate coveredSince, BigDecimal paidThisYear, int claimsThisYear,
                             Set<String> paidGroups) {

    public MemberStanding {
        paidGroups = Set.copyOf(paidGroups);
    }
}
