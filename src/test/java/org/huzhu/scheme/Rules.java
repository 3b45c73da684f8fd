package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.huzhu.membership.InsuranceType;

/** Rule sets, claims and standings for plain tests of the calculation, built from short figures. */
final class Rules {

    /** Anyang's first year: 30% of the first 1,000 yuan, 50% above, 100,000 a year. */
    static final ExpenseBenefit ANYANG_BENEFIT = expense(null, tiers("0.30", "1000.00", "0.50"), null, null, null,
            "100000.00", null);
    static final RuleSetDefinition ANYANG = expenseRules(ANYANG_BENEFIT);
    static final LocalDate ADMISSION = LocalDate.of(2026, 3, 2);

    private Rules() {
    }

    static BigDecimal yuan(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }

    /** Tiers from alternating rates and edges: {@code tiers("0.3", "1000", "0.5")} is 30% to 1,000 and 50% above. */
    static List<RateTier> tiers(String... ratesAndEdges) {
        List<RateTier> tiers = new java.util.ArrayList<>();
        BigDecimal from = new BigDecimal("0.00");
        for (int i = 0; i < ratesAndEdges.length; i += 2) {
            BigDecimal to = i + 1 < ratesAndEdges.length ? yuan(ratesAndEdges[i + 1]) : null;
            tiers.add(new RateTier(from, to, yuan(ratesAndEdges[i])));
            from = to;
        }
        return tiers;
    }

    static ExpenseBenefit expense(String deductible, List<RateTier> tiers, String minimumPerStay,
                                  DailyAllowance allowance, String perClaimCap, String annualCap,
                                  Integer claimsPerYear) {
        return new ExpenseBenefit(yuan(deductible), tiers, yuan(minimumPerStay), allowance, yuan(perClaimCap),
                yuan(annualCap), claimsPerYear);
    }

    static RuleSetDefinition expenseRules(ExpenseBenefit benefit) {
        return new RuleSetDefinition(MonthDay.of(10, 16), List.of(InsuranceType.EMPLOYEE), null, null, null, null,
                365, null, null, null, null, List.of(DocumentKind.INVOICE), benefit, null, null);
    }

    static RuleSetDefinition waiting(RuleSetDefinition rules, WaitingPeriod waitingPeriod) {
        return new RuleSetDefinition(rules.schemeYearStart(), rules.eligibleInsuranceTypes(), rules.eligibleSex(),
                rules.minAge(), rules.maxAge(), waitingPeriod, rules.claimWindowDays(), rules.claimWindowFrom(),
                rules.paymentDeadlineWorkingDays(), rules.reviewWindowDays(),
                rules.reviewDeadlineWorkingDays(), rules.requiredDocuments(), rules.expenseBenefit(),
                rules.lumpSumBenefit(), rules.funding());
    }

    static RuleSetDefinition lumpSumRules(Boolean paidOncePerGroup, DiagnosisGroup... groups) {
        return new RuleSetDefinition(MonthDay.of(1, 1), List.of(InsuranceType.EMPLOYEE), null, null, null, null,
                365, null, null, null, null, List.of(DocumentKind.ID_CARD), null, new LumpSumBenefit(List.of(groups),
                paidOncePerGroup), null);
    }

    static Expenses eligible(String base) {
        return new Expenses(new BigDecimal("500000.00"), new BigDecimal(base), new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    /** A stay from {@link #ADMISSION} of the given number of days with the eligible base. */
    static ClaimFacts stay(String base, int days) {
        return new ClaimFacts(ADMISSION, ADMISSION.plusDays(days), eligible(base), null, null);
    }

    static ClaimFacts stay(String base) {
        return stay(base, 10);
    }

    static ClaimFacts diagnosis(String code, LocalDate on) {
        return new ClaimFacts(null, null, null, code, on);
    }

    static MemberStanding paid(String paidThisYear) {
        return new MemberStanding(null, yuan(paidThisYear), 0, Set.of());
    }

    static MemberStanding nothingYet() {
        return paid("0.00");
    }
}
