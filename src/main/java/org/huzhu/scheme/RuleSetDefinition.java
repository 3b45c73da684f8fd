package org.huzhu.scheme;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * What a rule set says, stored as JSON beside its version. Revised by process admins each
 * scheme year; never by changing code.
 *
 * @param schemeYearStart            the day each scheme year begins (it need not be 1 January)
 * @param eligibleInsuranceTypes     which basic insurances a member may have (EMPLOYEE, RESIDENT)
 * @param claimWindowDays            how many days after discharge a claim may be handed in
 * @param paymentDeadlineWorkingDays working days from complete materials to payment
 * @param requiredDocuments          papers a claim needs before anyone audits it
 * @param expenseBenefit             tiers and cap of an expense-based benefit
 */
public record RuleSetDefinition(MonthDay schemeYearStart, List<String> eligibleInsuranceTypes, int claimWindowDays,
                                int paymentDeadlineWorkingDays, List<String> requiredDocuments,
                                ExpenseBenefit expenseBenefit) {

    public RuleSetDefinition {
        eligibleInsuranceTypes = List.copyOf(eligibleInsuranceTypes);
        requiredDocuments = List.copyOf(requiredDocuments);
    }

    /** The scheme year a date falls in, named by the calendar year in which it starts. */
    public int schemeYearOf(LocalDate date) {
        LocalDate startThisYear = schemeYearStart.atYear(date.getYear());
        return date.isBefore(startThisYear) ? date.getYear() - 1 : date.getYear();
    }
}
