package org.huzhu.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.huzhu.membership.InsuranceType;
import org.huzhu.membership.Sex;
import org.huzhu.platform.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Who may claim, until when, and how definitions read: what a rule set says besides the money. */
class RuleSetDefinitionTest {

    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    static final LocalDate BORN = LocalDate.of(1990, 6, 15);

    static RuleSetDefinition shipped(String resource) throws IOException {
        try (InputStream in = RuleSetDefinitionTest.class.getResourceAsStream("/rulesets/" + resource)) {
            return JSON.readValue(in, RuleSetDefinition.class);
        }
    }

    @Test
    void theWomensSchemeIsForWomenOfSixteenToSixtyWithEitherInsurance() throws IOException {
        RuleSetDefinition xinkang = shipped("xinkang-women-2025.json");
        LocalDate on = LocalDate.of(2026, 6, 15);
        assertThat(xinkang.whyNotEligible(InsuranceType.RESIDENT, Sex.F, BORN, on)).isEmpty();
        assertThat(xinkang.whyNotEligible(InsuranceType.EMPLOYEE, Sex.M, BORN, on)).contains("本项目仅保障女性会员");
        // Sixteen on the birthday, still sixty the day before turning sixty-one.
        assertThat(xinkang.whyNotEligible(InsuranceType.EMPLOYEE, Sex.F, on.minusYears(16), on)).isEmpty();
        assertThat(xinkang.whyNotEligible(InsuranceType.EMPLOYEE, Sex.F, on.minusYears(16).plusDays(1), on))
                .contains("该会员在确诊日期（2026-06-15）为15岁，不在本项目的保障年龄（16岁至60岁）内");
        assertThat(xinkang.whyNotEligible(InsuranceType.EMPLOYEE, Sex.F, on.minusYears(61).plusDays(1), on)).isEmpty();
        assertThat(xinkang.whyNotEligible(InsuranceType.EMPLOYEE, Sex.F, on.minusYears(61), on)).isPresent();
    }

    @Test
    void anyangCoversOnlyEmployeesAtAnyAge() {
        assertThat(Rules.ANYANG.whyNotEligible(InsuranceType.RESIDENT, Sex.M, BORN, Rules.ADMISSION))
                .contains("该会员的医保类型不在本项目保障范围内");
        assertThat(Rules.ANYANG.whyNotEligible(InsuranceType.EMPLOYEE, Sex.F, LocalDate.of(1930, 1, 1),
                Rules.ADMISSION)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"DISCHARGE, 2026-04-30", "DIAGNOSIS, 2026-04-10", "END_OF_PROTECTION_PERIOD, 2027-03-31"})
    void theClaimWindowCountsFromItsEvent(ClaimWindowStart from, LocalDate lastDay) {
        RuleSetDefinition rules = new RuleSetDefinition(MonthDay.of(1, 1), List.of(InsuranceType.EMPLOYEE), null, null,
                null, null, 90, from, null, null, null, null, Rules.ANYANG_BENEFIT, null, null);
        assertThat(rules.lastClaimDay(LocalDate.of(2026, 1, 30), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 12, 31)))
                .isEqualTo(lastDay);
    }

    @Test
    void aDefinitionWrittenBeforeTheNewFieldsReadsWithTheirDefaults() throws IOException {
        RuleSetDefinition anyang = shipped("anyang-inpatient-2019.json");
        assertThat(anyang.claimWindowFrom()).isEqualTo(ClaimWindowStart.DISCHARGE);
        assertThat(anyang.waitingPeriod()).isNull();
        assertThat(anyang.waitingShare(Rules.ADMISSION, Rules.ADMISSION)).isEqualByComparingTo("1");
        assertThat(anyang.paymentDeadlineWorkingDays()).isEqualTo(10);
        assertThat(anyang.expenseBenefit().deductible()).isEqualByComparingTo("0");
        assertThat(anyang.expenseBenefit().claimsPerYear()).isNull();
        assertThat(anyang.benefitKind()).isEqualTo(BenefitKind.EXPENSE);
        RuleSetDefinition lumpSum = JSON.readValue("""
                {"schemeYearStart": "--01-01", "eligibleInsuranceTypes": ["EMPLOYEE"], "claimWindowDays": 365,
                 "lumpSumBenefit": {"groups": [{"code": "G", "name": "g", "icd10Prefixes": ["C"], "amount": "1.00"}]}}
                """, RuleSetDefinition.class);
        assertThat(lumpSum.claimWindowFrom()).isEqualTo(ClaimWindowStart.DIAGNOSIS);
        assertThat(lumpSum.lumpSumBenefit().paidOncePerGroup()).isTrue();
        assertThat(lumpSum.requiredDocuments()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"INPATIENT, EXPENSE, anyang-inpatient-2019.json", "INPATIENT, EXPENSE, inpatient-next-year-example.json",
            "OUTPATIENT_SPECIAL, EXPENSE, outpatient-special-2025.json", "XINKANG, LUMP_SUM, xinkang-women-2025.json",
            "MAJOR_ILLNESS, LUMP_SUM, major-illness-2025.json"})
    void everyShippedRuleSetPassesThePublicationRules(String scheme, BenefitKind kind, String resource)
            throws IOException {
        Problems problems = new Problems();
        PublicationRules.check(new Scheme(scheme, scheme, kind), new RuleSetDraft("DEMO", LocalDate.of(2025, 1, 1),
                null, "示例", shipped(resource)), null, problems);
        assertThatCode(problems::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void theShippedMajorIllnessSetPaysEachOfItsGroups() throws IOException {
        RuleSetDefinition majorIllness = shipped("major-illness-2025.json");
        assertThat(majorIllness.lumpSumBenefit().groupOf("C34.1")).map(DiagnosisGroup::code).contains("MALIGNANT_TUMOUR");
        assertThat(majorIllness.lumpSumBenefit().groupOf("I63.9")).map(DiagnosisGroup::amount)
                .contains(new BigDecimal("15000.00"));
        assertThat(majorIllness.documentsFor("C34.1")).contains(DocumentKind.PATHOLOGY_REPORT);
        assertThat(majorIllness.documentsFor("I21.0")).doesNotContain(DocumentKind.PATHOLOGY_REPORT);
    }
}
