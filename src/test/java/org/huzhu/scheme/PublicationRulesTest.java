package org.huzhu.scheme;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check a new rule set version must pass, each answered on its field with a stable code. */
class PublicationRulesTest {

    static final Scheme INPATIENT = new Scheme("INPATIENT", "住院医疗互助", BenefitKind.EXPENSE);
    static final Scheme XINKANG = new Scheme("XINKANG", "馨康女职工特殊疾病互助", BenefitKind.LUMP_SUM);
    static final String COVER = """
            "schemeYearStart": "--10-16", "eligibleInsuranceTypes": ["EMPLOYEE"], "claimWindowDays": 365
            """;
    static final LocalDate FROM = LocalDate.of(2027, 10, 16);

    @Test
    void aSoundRuleSetPasses() throws IOException {
        assertThat(expenseProblems("""
                "deductible": "0.00", "tiers": [{"from": "0.00", "to": "1000.00", "rate": "0.30"},
                                                 {"from": "1000.00", "to": null, "rate": "1.00"}],
                "annualCap": "100000.00"
                """)).isEmpty();
    }

    @Test
    void tiersStartAtZeroAscendFollowOneAnotherAndPayAtMostAll() throws IOException {
        assertThat(expenseProblems("""
                "tiers": [{"from": "100.00", "to": "1000.00", "rate": "0.30"},
                          {"from": "900.00", "to": "800.00", "rate": "0.50"},
                          {"from": "800.00", "to": null, "rate": "1.20"},
                          {"from": "2000.00", "rate": "-0.10"},
                          {"from": "3000.00", "to": "4000.00"}],
                "annualCap": "100000.00"
                """)).containsExactlyInAnyOrder(
                "definition.expenseBenefit.tiers[0].from:FIRST_TIER_NOT_FROM_ZERO",
                "definition.expenseBenefit.tiers[1].from:TIERS_NOT_CONTIGUOUS",
                "definition.expenseBenefit.tiers[1].to:TIERS_NOT_ASCENDING",
                "definition.expenseBenefit.tiers[2].to:OPEN_TIER_NOT_LAST",
                "definition.expenseBenefit.tiers[2].rate:RATE_OUT_OF_RANGE",
                "definition.expenseBenefit.tiers[3].to:OPEN_TIER_NOT_LAST",
                "definition.expenseBenefit.tiers[3].rate:RATE_OUT_OF_RANGE",
                "definition.expenseBenefit.tiers[4].rate:REQUIRED");
        assertThat(expenseProblems("""
                "tiers": [], "annualCap": "100000.00"
                """)).containsExactly("definition.expenseBenefit.tiers:REQUIRED");
    }

    @Test
    void capsArePositiveAmountsToTheFen() throws IOException {
        assertThat(expenseProblems("""
                "deductible": "-1.00", "tiers": [{"from": "0.00", "rate": "0.50"}], "minimumPerStay": "0.001",
                "perClaimCap": "-5.00", "annualCap": "0.00", "claimsPerYear": 0
                """)).containsExactlyInAnyOrder(
                "definition.expenseBenefit.deductible:NEGATIVE",
                "definition.expenseBenefit.minimumPerStay:TOO_MANY_DECIMALS",
                "definition.expenseBenefit.perClaimCap:NOT_POSITIVE",
                "definition.expenseBenefit.annualCap:NOT_POSITIVE",
                "definition.expenseBenefit.claimsPerYear:NOT_POSITIVE");
        assertThat(expenseProblems("""
                "tiers": [{"from": "0.00", "rate": "0.50"}]
                """)).containsExactly("definition.expenseBenefit.annualCap:REQUIRED");
    }

    @Test
    void allowanceBandsStartAtNoYearsAndAscend() throws IOException {
        assertThat(expenseProblems("""
                "tiers": [{"from": "0.00", "rate": "0.50"}], "annualCap": "1000.00",
                "dailyAllowance": {"maxDays": 0, "bands": [{"fromYears": 1, "perDay": "10.00"},
                                                           {"fromYears": 1, "perDay": "-20.00"}, {"fromYears": 5}]}
                """)).containsExactlyInAnyOrder(
                "definition.expenseBenefit.dailyAllowance.maxDays:NOT_POSITIVE",
                "definition.expenseBenefit.dailyAllowance.bands[0].fromYears:FIRST_BAND_NOT_FROM_ZERO",
                "definition.expenseBenefit.dailyAllowance.bands[1].fromYears:BANDS_NOT_ASCENDING",
                "definition.expenseBenefit.dailyAllowance.bands[1].perDay:NEGATIVE",
                "definition.expenseBenefit.dailyAllowance.bands[2].perDay:REQUIRED");
    }

    @Test
    void whoMayJoinWhenAndTheDeadlinesAreChecked() throws IOException {
        assertThat(problems(INPATIENT, draft("""
                {"eligibleInsuranceTypes": [], "minAge": 60, "maxAge": 16, "claimWindowDays": 0,
                 "claimWindowFrom": "DIAGNOSIS", "paymentDeadlineWorkingDays": 0,
                 "waitingPeriod": {"noCoverDays": -1, "reducedDays": 30},
                 "expenseBenefit": {"tiers": [{"from": "0.00", "rate": "0.50"}], "annualCap": "1000.00"}}
                """), null)).containsExactlyInAnyOrder(
                "definition.schemeYearStart:REQUIRED",
                "definition.eligibleInsuranceTypes:REQUIRED",
                "definition.maxAge:BELOW_MIN_AGE",
                "definition.waitingPeriod.noCoverDays:NEGATIVE",
                "definition.waitingPeriod.reducedRate:REQUIRED",
                "definition.claimWindowDays:NOT_POSITIVE",
                "definition.claimWindowFrom:NOT_FOR_BENEFIT_KIND",
                "definition.paymentDeadlineWorkingDays:NOT_POSITIVE");
    }

    @Test
    void theBenefitMustBeTheSchemesKind() throws IOException {
        RuleSetDraft expense = draft("{" + COVER + ", \"expenseBenefit\": {\"tiers\": [{\"from\": \"0.00\", \"rate\": \"0.50\"}],"
                + " \"annualCap\": \"1000.00\"}}");
        assertThat(problems(XINKANG, expense, null)).containsExactlyInAnyOrder(
                "definition.expenseBenefit:NOT_FOR_BENEFIT_KIND", "definition.lumpSumBenefit:REQUIRED");
        assertThat(problems(INPATIENT, draft("{" + COVER + "}"), null))
                .containsExactly("definition.expenseBenefit:REQUIRED");
    }

    @Test
    void diagnosisGroupsHaveOwnCodesWellFormedPrefixesThatNeverOverlapAndPositiveAmounts() throws IOException {
        assertThat(problems(XINKANG, draft("{" + COVER + """
                , "lumpSumBenefit": {"groups": [
                    {"code": "BREAST_CANCER", "name": "乳腺癌", "icd10Prefixes": ["C50"], "amount": "32000.00"},
                    {"code": "BREAST_CANCER", "name": "乳腺癌（左）", "icd10Prefixes": ["C50.1"], "amount": "1000.00"},
                    {"code": "bad code", "name": "", "icd10Prefixes": ["50C", "D25"], "amount": "0.00"},
                    {"code": "EMPTY", "name": "无编码", "icd10Prefixes": [], "amount": "100.00"}]}}
                """), null)).containsExactlyInAnyOrder(
                "definition.lumpSumBenefit.groups[1].code:DUPLICATE_GROUP",
                "definition.lumpSumBenefit.groups[1].icd10Prefixes[0]:OVERLAPPING_PREFIX",
                "definition.lumpSumBenefit.groups[2].code:INVALID_FORMAT",
                "definition.lumpSumBenefit.groups[2].name:REQUIRED",
                "definition.lumpSumBenefit.groups[2].amount:NOT_POSITIVE",
                "definition.lumpSumBenefit.groups[2].icd10Prefixes[0]:INVALID_ICD10_PREFIX",
                "definition.lumpSumBenefit.groups[3].icd10Prefixes:REQUIRED");
    }

    @Test
    void aNewVersionStartsNoEarlierThanTheLatestAndNamesItsOrganiserAndReason() throws IOException {
        RuleSet latest = new RuleSet(7, "INPATIENT", "DEMO", 3, FROM, null, null, Rules.ANYANG, "admin",
                Instant.EPOCH, "第3版");
        RuleSetDefinition definition = Rules.ANYANG;
        assertThat(problems(INPATIENT, new RuleSetDraft("DEMO", FROM.minusDays(1), null, "更正", definition), latest))
                .containsExactly("effectiveFrom:STARTS_BEFORE_LATEST");
        assertThat(problems(INPATIENT, new RuleSetDraft("DEMO", FROM, null, "更正", definition), latest)).isEmpty();
        assertThat(problems(INPATIENT, new RuleSetDraft("DEMO", FROM.plusYears(1), FROM, "下一年", definition), latest))
                .containsExactly("effectiveTo:BEFORE_START");
        assertThat(problems(INPATIENT, new RuleSetDraft(" ", null, null, "x".repeat(501), null), null))
                .containsExactlyInAnyOrder("organiser:REQUIRED", "reason:TOO_LONG", "effectiveFrom:REQUIRED",
                        "definition:REQUIRED");
    }

    private static List<String> expenseProblems(String expenseBenefit) throws IOException {
        return problems(INPATIENT, draft("{" + COVER + ", \"expenseBenefit\": {" + expenseBenefit + "}}"), null);
    }

    private static RuleSetDraft draft(String definition) throws IOException {
        return new RuleSetDraft("DEMO", FROM, null, "测试",
                RuleSetDefinitionTest.JSON.readValue(definition, RuleSetDefinition.class));
    }

    private static List<String> problems(Scheme scheme, RuleSetDraft draft, RuleSet latest) {
        Problems problems = new Problems();
        PublicationRules.check(scheme, draft, latest, problems);
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.code()).toList();
        }
    }
}
