package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.membership.InsuranceType;
import org.huzhu.membership.Sex;

/**
 * What a rule set says, stored as JSON beside its version. Revised by process admins each
 * scheme year; never by changing code. A field left out takes the default named here, so
 * definitions written before a field existed still read the same.
 *
 * @param schemeYearStart            the day each scheme year begins (it need not be 1 January)
 * @param eligibleInsuranceTypes     which basic insurances a member may have
 * @param eligibleSex                only members of this sex may claim (anyone when null)
 * @param minAge                     youngest age, in completed years on the day of the event (no limit when null)
 * @param maxAge                     oldest age, in completed years on the day of the event (no limit when null)
 * @param waitingPeriod              the wait after a member first joins (none when null)
 * @param claimWindowDays            how many days after {@code claimWindowFrom} a claim may be handed in
 * @param claimWindowFrom            the event the claim window counts from (discharge for expense
 *                                   benefits, diagnosis for lump sums, when null)
 * @param paymentDeadlineWorkingDays working days from complete materials to payment (10 when null)
 * @param reviewWindowDays           days after a rejection in which the member may ask for its review (60 when null)
 * @param reviewDeadlineWorkingDays  working days from a review's request to its decision (10 when null)
 * @param requiredDocuments          papers every claim needs before anyone audits it
 * @param expenseBenefit             the benefit of an expense scheme
 * @param lumpSumBenefit             the benefit of a lump-sum scheme
 * @param funding                    who pays each payout (all of it the organiser when null)
 */
public record RuleSetDefinition(MonthDay schemeYearStart, List<InsuranceType> eligibleInsuranceTypes,
                                Sex eligibleSex, Integer minAge, Integer maxAge, WaitingPeriod waitingPeriod,
                                Integer claimWindowDays, ClaimWindowStart claimWindowFrom,
                                Integer paymentDeadlineWorkingDays, Integer reviewWindowDays,
                                Integer reviewDeadlineWorkingDays, List<DocumentKind> requiredDocuments,
                                ExpenseBenefit expenseBenefit, LumpSumBenefit lumpSumBenefit,
                                Funding funding) {

    public RuleSetDefinition {
        eligibleInsuranceTypes = eligibleInsuranceTypes == null ? null : List.copyOf(eligibleInsuranceTypes);
        if (claimWindowFrom == null) {
            claimWindowFrom = lumpSumBenefit != null ? ClaimWindowStart.DIAGNOSIS : ClaimWindowStart.DISCHARGE;
        }
        paymentDeadlineWorkingDays = paymentDeadlineWorkingDays == null ? 10 : paymentDeadlineWorkingDays;
        reviewWindowDays = reviewWindowDays == null ? 60 : reviewWindowDays;
        reviewDeadlineWorkingDays = reviewDeadlineWorkingDays == null ? 10 : reviewDeadlineWorkingDays;
        requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
    }

    public BenefitKind benefitKind() {
        return lumpSumBenefit != null ? BenefitKind.LUMP_SUM : BenefitKind.EXPENSE;
    }

    /** The scheme year a date falls in, named by the calendar year in which it starts. */
    public int schemeYearOf(LocalDate date) {
        LocalDate startThisYear = schemeYearStart.atYear(date.getYear());
        return date.isBefore(startThisYear) ? date.getYear() - 1 : date.getYear();
    }

    /** Why a member may not claim for an event on the day, if they may not: insurance, sex or age. */
    public Optional<String> whyNotEligible(InsuranceType insuranceType, Sex sex, LocalDate birthDate, LocalDate on) {
        if (!eligibleInsuranceTypes.contains(insuranceType)) {
            return Optional.of("该会员的医保类型不在本项目保障范围内");
        }
        if (eligibleSex != null && eligibleSex != sex) {
            return Optional.of(eligibleSex == Sex.F ? "本项目仅保障女性会员" : "本项目仅保障男性会员");
        }
        int age = Period.between(birthDate, on).getYears();
        if ((minAge != null && age < minAge) || (maxAge != null && age > maxAge)) {
            return Optional.of("该会员在" + benefitKind().eventLabel() + "（" + on + "）为" + age + "岁，不在本项目的保障年龄（"
                    + (minAge == null ? "不限" : minAge + "岁") + "至" + (maxAge == null ? "不限" : maxAge + "岁") + "）内");
        }
        return Optional.empty();
    }

    /** Why a diagnosis gets no lump sum under these rules: its code is in none of the groups. */
    public Optional<String> whyNotCovered(String diagnosisCode) {
        if (lumpSumBenefit == null || lumpSumBenefit.groupOf(diagnosisCode).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("诊断编码" + diagnosisCode + "不在本项目保障的病种范围内");
    }

    /** The share of the subsidy the waiting period leaves for an event on the day. */
    public BigDecimal waitingShare(LocalDate coveredSince, LocalDate on) {
        return waitingPeriod == null ? BigDecimal.ONE : waitingPeriod.shareOn(coveredSince, on);
    }

    /** The last day a claim may be handed in, from the dates of the event its window counts from. */
    public LocalDate lastClaimDay(LocalDate discharge, LocalDate diagnosis, LocalDate protectionEnd) {
        LocalDate from = switch (claimWindowFrom) {
            case DISCHARGE -> discharge;
            case DIAGNOSIS -> diagnosis;
            case END_OF_PROTECTION_PERIOD -> protectionEnd;
        };
        return from.plusDays(claimWindowDays);
    }

    /** Papers a claim needs: the rule set's, and those of the diagnosis group its code falls in. */
    public Set<DocumentKind> documentsFor(String diagnosisCode) {
        Set<DocumentKind> documents = EnumSet.noneOf(DocumentKind.class);
        documents.addAll(requiredDocuments);
        if (lumpSumBenefit != null) {
            lumpSumBenefit.groupOf(diagnosisCode).ifPresent(group -> documents.addAll(group.documents()));
        }
        return documents;
    }
}
