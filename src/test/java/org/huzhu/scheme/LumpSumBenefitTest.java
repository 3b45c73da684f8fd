package org.huzhu.scheme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.scheme.Rules.diagnosis;
import static org.huzhu.scheme.Rules.nothingYet;

/** Fixed amounts by diagnosis group: matching ICD-10 codes, paying each group once, waiting. */
class LumpSumBenefitTest {

    static final DiagnosisGroup BREAST_CANCER = new DiagnosisGroup("BREAST_CANCER", "乳腺癌", List.of("C50"),
            new BigDecimal("32000.00"), List.of(DocumentKind.PATHOLOGY_REPORT));
    static final DiagnosisGroup RENAL_FAILURE = new DiagnosisGroup("END_STAGE_RENAL_DISEASE", "终末期肾病",
            List.of("N18.5"), new BigDecimal("15000.00"), null);
    static final RuleSetDefinition ONCE = Rules.lumpSumRules(null, BREAST_CANCER, RENAL_FAILURE);
    static final LocalDate DIAGNOSED = LocalDate.of(2026, 5, 20);

    @Test
    void aDiagnosisInAGroupIsPaidTheGroupsAmount() {
        SubsidyCalculation calculation = SubsidyCalculator.calculate(ONCE, diagnosis("c50.912", DIAGNOSED), nothingYet());
        assertThat(calculation.diagnosisGroup()).isEqualTo(new DiagnosisGroupLine("BREAST_CANCER", "乳腺癌", "C50.912",
                new BigDecimal("32000.00")));
        assertThat(calculation.subsidy()).isEqualByComparingTo("32000.00");
        assertThat(calculation.eligibleBase()).isNull();
        assertThat(calculation.inWords()).isEqualTo("乳腺癌（C50.912）定额32000.00元；补助32000.00元");
    }

    @Test
    void aPrefixWithADotCoversOnlyItsSubdivision() {
        assertThat(SubsidyCalculator.calculate(ONCE, diagnosis("N18.5", DIAGNOSED), nothingYet()).subsidy())
                .isEqualByComparingTo("15000.00");
        assertThat(SubsidyCalculator.calculate(ONCE, diagnosis("N18.500x001", DIAGNOSED), nothingYet()).subsidy())
                .isEqualByComparingTo("15000.00");
        assertThat(SubsidyCalculator.calculate(ONCE, diagnosis("N18.4", DIAGNOSED), nothingYet()).subsidy())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void aDiagnosisInNoGroupGetsNothingAndSaysWhy() {
        // D05 is breast carcinoma in situ, which the women's schemes exclude.
        SubsidyCalculation inSitu = SubsidyCalculator.calculate(ONCE, diagnosis("D05.1", DIAGNOSED), nothingYet());
        assertThat(inSitu.diagnosisGroup()).isNull();
        assertThat(inSitu.subsidy()).isEqualByComparingTo("0.00");
        assertThat(ONCE.whyNotCovered("D05.1")).contains("诊断编码D05.1不在本项目保障的病种范围内");
        assertThat(ONCE.whyNotCovered("C50.9")).isEmpty();
        assertThat(Rules.ANYANG.whyNotCovered("D05.1")).isEmpty();
    }

    @Test
    void eachGroupIsPaidOncePerMemberUnlessTheRulesSayOtherwise() {
        MemberStanding paidForBreastCancer = new MemberStanding(null, new BigDecimal("32000.00"), 1,
                Set.of("BREAST_CANCER"));
        SubsidyCalculation again = SubsidyCalculator.calculate(ONCE, diagnosis("C50.1", DIAGNOSED), paidForBreastCancer);
        assertThat(again.subsidy()).isEqualByComparingTo("0.00");
        assertThat(again.cuts()).containsExactly(new Cut(Cut.Rule.ALREADY_PAID_FOR_GROUP, new BigDecimal("32000.00"),
                "该会员已获乳腺癌补助，同一病种只补助一次"));
        assertThat(SubsidyCalculator.calculate(ONCE, diagnosis("N18.5", DIAGNOSED), paidForBreastCancer).subsidy())
                .isEqualByComparingTo("15000.00");

        RuleSetDefinition everyTime = Rules.lumpSumRules(false, BREAST_CANCER);
        assertThat(SubsidyCalculator.calculate(everyTime, diagnosis("C50.1", DIAGNOSED), paidForBreastCancer).subsidy())
                .isEqualByComparingTo("32000.00");
    }

    @Test
    void theWaitingPeriodCountsToTheDayOfDiagnosis() {
        RuleSetDefinition rules = Rules.waiting(ONCE, new WaitingPeriod(90, null, null));
        MemberStanding joined89DaysBefore = new MemberStanding(DIAGNOSED.minusDays(89), new BigDecimal("0.00"), 0, Set.of());
        SubsidyCalculation waiting = SubsidyCalculator.calculate(rules, diagnosis("C50.9", DIAGNOSED), joined89DaysBefore);
        assertThat(waiting.subsidy()).isEqualByComparingTo("0.00");
        assertThat(waiting.cuts()).extracting(Cut::note).containsExactly("参保第90天，在等待期内，不予补助");
        MemberStanding joined90DaysBefore = new MemberStanding(DIAGNOSED.minusDays(90), new BigDecimal("0.00"), 0, Set.of());
        assertThat(SubsidyCalculator.calculate(rules, diagnosis("C50.9", DIAGNOSED), joined90DaysBefore).subsidy())
                .isEqualByComparingTo("32000.00");
    }

    @Test
    void aClaimNeedsTheRuleSetsPapersAndThoseOfItsGroup() {
        assertThat(ONCE.documentsFor("C50.9")).containsExactlyInAnyOrder(DocumentKind.ID_CARD,
                DocumentKind.PATHOLOGY_REPORT);
        assertThat(ONCE.documentsFor("N18.5")).containsExactly(DocumentKind.ID_CARD);
        assertThat(ONCE.documentsFor(null)).containsExactly(DocumentKind.ID_CARD);
    }
}
