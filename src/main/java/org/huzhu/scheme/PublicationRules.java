package org.huzhu.scheme;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huzhu.platform.Money;
import org.huzhu.platform.Problems;

/**
 * What a new rule set version must satisfy before it is published; every problem is reported
 * at once, by the JSON path of its field.
 *
 * <p>Periods: the live versions of a scheme and organiser never overlap. A new version starts
 * on or after the start of the latest live one. Starting later, it ends the latest one the day
 * before (when that one is open or runs past it); starting the same day, it replaces the latest
 * one, which stays stored for the claims calculated on it. Earlier versions are history and
 * are never changed.
 */
public final class PublicationRules {

    private static final String DEFINITION = "definition.";

    private PublicationRules() {
    }

    /**
     * @param latest the latest live version of the scheme for the organiser, null when there is none
     */
    public static void check(Scheme scheme, RuleSetDraft draft, RuleSet latest, Problems problems) {
        if (blank(draft.organiser())) {
            problems.add("organiser", "REQUIRED", "请填写主办单位编码");
        }
        if (blank(draft.reason())) {
            problems.add("reason", "REQUIRED", "请填写发布原因（如：2027保障年度规则调整）");
        } else if (draft.reason().length() > 500) {
            problems.add("reason", "TOO_LONG", "最多500个字");
        }
        checkPeriod(draft, latest, problems);
        RuleSetDefinition definition = draft.definition();
        if (definition == null) {
            problems.add("definition", "REQUIRED", "请填写规则内容");
            return;
        }
        checkCover(scheme.benefitKind(), definition, problems);
        if (definition.funding() != null) {
            checkFunding(definition.funding(), problems);
        }
        if (scheme.benefitKind() == BenefitKind.EXPENSE) {
            notForKind(problems, "lumpSumBenefit", definition.lumpSumBenefit(), scheme);
            if (definition.expenseBenefit() == null) {
                problems.add(DEFINITION + "expenseBenefit", "REQUIRED", "按费用补助的项目须填写费用补助规则");
            } else {
                checkExpenseBenefit(definition.expenseBenefit(), problems);
            }
        } else {
            notForKind(problems, "expenseBenefit", definition.expenseBenefit(), scheme);
            if (definition.lumpSumBenefit() == null) {
                problems.add(DEFINITION + "lumpSumBenefit", "REQUIRED", "定额给付的项目须填写病种及给付金额");
            } else {
                checkLumpSumBenefit(definition.lumpSumBenefit(), problems);
            }
        }
    }

    private static void checkPeriod(RuleSetDraft draft, RuleSet latest, Problems problems) {
        if (draft.effectiveFrom() == null) {
            problems.add("effectiveFrom", "REQUIRED", "请填写生效日期");
            return;
        }
        if (draft.effectiveTo() != null && draft.effectiveTo().isBefore(draft.effectiveFrom())) {
            problems.add("effectiveTo", "BEFORE_START", "失效日期不能早于生效日期");
        }
        if (latest != null && draft.effectiveFrom().isBefore(latest.effectiveFrom())) {
            problems.add("effectiveFrom", "STARTS_BEFORE_LATEST", "生效日期不能早于现行第" + latest.version()
                    + "版的生效日期（" + latest.effectiveFrom() + "）；已生效的历史版本不能改写");
        }
    }

    /** Who may claim, when, and the deadlines: the same for both kinds of benefit. */
    private static void checkCover(BenefitKind kind, RuleSetDefinition definition, Problems problems) {
        if (definition.schemeYearStart() == null) {
            problems.add(DEFINITION + "schemeYearStart", "REQUIRED", "请填写保障年度起始日（如 --10-16）");
        }
        if (definition.eligibleInsuranceTypes() == null || definition.eligibleInsuranceTypes().isEmpty()) {
            problems.add(DEFINITION + "eligibleInsuranceTypes", "REQUIRED", "请至少选择一种可参加的医保类型");
        }
        nonNegative(problems, "minAge", definition.minAge(), "最低年龄");
        nonNegative(problems, "maxAge", definition.maxAge(), "最高年龄");
        if (definition.minAge() != null && definition.maxAge() != null && definition.maxAge() < definition.minAge()) {
            problems.add(DEFINITION + "maxAge", "BELOW_MIN_AGE", "最高年龄不能小于最低年龄");
        }
        WaitingPeriod waiting = definition.waitingPeriod();
        if (waiting != null) {
            nonNegative(problems, "waitingPeriod.noCoverDays", waiting.noCoverDays(), "等待期天数");
            nonNegative(problems, "waitingPeriod.reducedDays", waiting.reducedDays(), "减付期天数");
            if (waiting.reducedDays() > 0 && waiting.reducedRate() == null) {
                problems.add(DEFINITION + "waitingPeriod.reducedRate", "REQUIRED", "有减付期时请填写减付期给付比例");
            }
            rate(problems, DEFINITION + "waitingPeriod.reducedRate", waiting.reducedRate());
        }
        if (definition.claimWindowDays() == null) {
            problems.add(DEFINITION + "claimWindowDays", "REQUIRED", "请填写申领期限天数");
        } else {
            positive(problems, "claimWindowDays", definition.claimWindowDays(), "申领期限天数");
        }
        ClaimWindowStart from = definition.claimWindowFrom();
        // A benefit of the wrong kind is reported on its own; the window's default follows the benefit given.
        if (definition.benefitKind() == kind && ((kind == BenefitKind.EXPENSE && from == ClaimWindowStart.DIAGNOSIS)
                || (kind == BenefitKind.LUMP_SUM && from == ClaimWindowStart.DISCHARGE))) {
            problems.add(DEFINITION + "claimWindowFrom", "NOT_FOR_BENEFIT_KIND",
                    (kind == BenefitKind.EXPENSE ? "按费用补助" : "定额给付") + "的项目申领期限不能从" + from.label() + "起算");
        }
        positive(problems, "paymentDeadlineWorkingDays", definition.paymentDeadlineWorkingDays(), "支付时限（工作日）");
        positive(problems, "reviewWindowDays", definition.reviewWindowDays(), "复核申请期限（天）");
        positive(problems, "reviewDeadlineWorkingDays", definition.reviewDeadlineWorkingDays(), "复核办理时限（工作日）");
    }

    private static void checkExpenseBenefit(ExpenseBenefit benefit, Problems problems) {
        String at = DEFINITION + "expenseBenefit.";
        amount(problems, at + "deductible", benefit.deductible(), false, "起付线");
        checkTiers(benefit.tiers(), at + "tiers", problems);
        amount(problems, at + "minimumPerStay", benefit.minimumPerStay(), true, "每次最低补助");
        DailyAllowance allowance = benefit.dailyAllowance();
        if (allowance != null) {
            positive(problems, "expenseBenefit.dailyAllowance.maxDays", allowance.maxDays(), "住院津贴最多天数");
            checkBands(allowance.bands(), at + "dailyAllowance.bands", problems);
        }
        amount(problems, at + "perClaimCap", benefit.perClaimCap(), true, "每次补助上限");
        if (benefit.annualCap() == null) {
            problems.add(at + "annualCap", "REQUIRED", "请填写年度封顶金额");
        }
        amount(problems, at + "annualCap", benefit.annualCap(), true, "年度封顶金额");
        positive(problems, "expenseBenefit.claimsPerYear", benefit.claimsPerYear(), "每年补助次数");
    }

    /** Tiers start at 0, ascend, and each starts where the one before ends; only the last may be open. */
    private static void checkTiers(List<RateTier> tiers, String at, Problems problems) {
        if (tiers == null || tiers.isEmpty()) {
            problems.add(at, "REQUIRED", "请至少填写一档补助比例");
            return;
        }
        for (int i = 0; i < tiers.size(); i++) {
            RateTier tier = tiers.get(i);
            String field = at + "[" + i + "]";
            if (tier.from() == null) {
                problems.add(field + ".from", "REQUIRED", "请填写本档起点金额");
            } else if (i == 0 && tier.from().signum() != 0) {
                problems.add(field + ".from", "FIRST_TIER_NOT_FROM_ZERO", "第一档须从0元起");
            } else if (i > 0 && tiers.get(i - 1).to() != null && tier.from().compareTo(tiers.get(i - 1).to()) != 0) {
                problems.add(field + ".from", "TIERS_NOT_CONTIGUOUS", "本档起点须等于上一档终点（"
                        + tiers.get(i - 1).to().toPlainString() + "元），各档之间不能有空档或重叠");
            }
            amount(problems, field + ".from", tier.from(), false, "本档起点金额");
            amount(problems, field + ".to", tier.to(), true, "本档终点金额");
            if (tier.to() == null && i < tiers.size() - 1) {
                problems.add(field + ".to", "OPEN_TIER_NOT_LAST", "只有最后一档可以不设终点");
            } else if (tier.to() != null && tier.from() != null && tier.to().compareTo(tier.from()) <= 0) {
                problems.add(field + ".to", "TIERS_NOT_ASCENDING", "本档终点须大于起点");
            }
            if (tier.rate() == null) {
                problems.add(field + ".rate", "REQUIRED", "请填写本档补助比例");
            }
            rate(problems, field + ".rate", tier.rate());
        }
    }

    private static void checkBands(List<AllowanceBand> bands, String at, Problems problems) {
        if (bands == null || bands.isEmpty()) {
            problems.add(at, "REQUIRED", "请至少填写一档住院津贴");
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            AllowanceBand band = bands.get(i);
            String field = at + "[" + i + "]";
            if (band.fromYears() == null) {
                problems.add(field + ".fromYears", "REQUIRED", "请填写参保年限");
            } else if (i == 0 && band.fromYears() != 0) {
                problems.add(field + ".fromYears", "FIRST_BAND_NOT_FROM_ZERO", "第一档须从参保0年起");
            } else if (i > 0 && bands.get(i - 1).fromYears() != null && band.fromYears() <= bands.get(i - 1).fromYears()) {
                problems.add(field + ".fromYears", "BANDS_NOT_ASCENDING", "各档参保年限须逐档递增");
            }
            if (band.perDay() == null) {
                problems.add(field + ".perDay", "REQUIRED", "请填写每日津贴金额");
            }
            amount(problems, field + ".perDay", band.perDay(), false, "每日津贴金额");
        }
    }

    private static void checkLumpSumBenefit(LumpSumBenefit benefit, Problems problems) {
        String at = DEFINITION + "lumpSumBenefit.groups";
        if (benefit.groups() == null || benefit.groups().isEmpty()) {
            problems.add(at, "REQUIRED", "请至少填写一个病种");
            return;
        }
        Set<String> codes = new HashSet<>();
        Map<String, Integer> groupOfPrefix = new HashMap<>();
        for (int i = 0; i < benefit.groups().size(); i++) {
            DiagnosisGroup group = benefit.groups().get(i);
            String field = at + "[" + i + "]";
            if (blank(group.code()) || !group.code().matches("[A-Z][A-Z0-9_]{0,31}")) {
                problems.add(field + ".code", "INVALID_FORMAT", "病种编码须为1到32位大写字母、数字或下划线，以字母开头");
            } else if (!codes.add(group.code())) {
                problems.add(field + ".code", "DUPLICATE_GROUP", "病种编码重复：" + group.code());
            }
            if (blank(group.name())) {
                problems.add(field + ".name", "REQUIRED", "请填写病种名称");
            }
            if (group.amount() == null) {
                problems.add(field + ".amount", "REQUIRED", "请填写给付金额");
            }
            amount(problems, field + ".amount", group.amount(), true, "给付金额");
            checkPrefixes(group.icd10Prefixes(), i, field + ".icd10Prefixes", groupOfPrefix, problems);
        }
    }

    /** Prefixes are well formed and no code can fall in two groups: no prefix begins another group's. */
    private static void checkPrefixes(List<String> prefixes, int group, String at, Map<String, Integer> groupOfPrefix,
                                      Problems problems) {
        if (prefixes == null || prefixes.isEmpty()) {
            problems.add(at, "REQUIRED", "请至少填写一个ICD-10编码前缀");
            return;
        }
        for (int j = 0; j < prefixes.size(); j++) {
            String prefix = prefixes.get(j);
            String field = at + "[" + j + "]";
            if (!Icd10.isPrefix(prefix)) {
                problems.add(field, "INVALID_ICD10_PREFIX", "ICD-10编码前缀格式不正确：" + prefix);
                continue;
            }
            String normalised = Icd10.normalised(prefix);
            groupOfPrefix.forEach((other, otherGroup) -> {
                if (otherGroup != group && (normalised.startsWith(other) || other.startsWith(normalised))) {
                    problems.add(field, "OVERLAPPING_PREFIX", "编码前缀" + prefix + "与第" + (otherGroup + 1)
                            + "个病种的编码前缀重叠，同一诊断只能属于一个病种");
                }
            });
            groupOfPrefix.putIfAbsent(normalised, group);
        }
    }

    /** Each funder has a code, a name and one of share or fixed; shares add up to 1; the remainder goes to one of them. */
    private static void checkFunding(Funding funding, Problems problems) {
        String at = DEFINITION + "funding";
        if (funding.funders().isEmpty()) {
            problems.add(at + ".funders", "REQUIRED", "请填写出资方");
            return;
        }
        BigDecimal shares = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < funding.funders().size(); i++) {
            Funding.Funder funder = funding.funders().get(i);
            String field = at + ".funders[" + i + "]";
            if (blank(funder.code()) || !codes.add(funder.code())) {
                problems.add(field + ".code", "REQUIRED", "每个出资方须有不重复的编码");
            }
            if (blank(funder.name())) {
                problems.add(field + ".name", "REQUIRED", "请填写出资方名称");
            }
            if ((funder.share() == null) == (funder.fixed() == null)) {
                problems.add(field, "SHARE_OR_FIXED", "出资方须填写比例（share）或固定金额（fixed）之一");
            }
            rate(problems, field + ".share", funder.share());
            amount(problems, field + ".fixed", funder.fixed(), true, "固定出资额");
            shares = funder.share() == null ? shares : shares.add(funder.share());
        }
        if (shares.signum() > 0 && shares.compareTo(BigDecimal.ONE) != 0) {
            problems.add(at + ".funders", "SHARES_NOT_WHOLE", "各出资方比例之和须为1（100%）");
        }
        if (blank(funding.remainderTo()) || !codes.contains(funding.remainderTo())) {
            problems.add(at + ".remainderTo", "UNKNOWN_FUNDER", "尾差（分）须指定由所列出资方之一承担");
        }
    }

    private static void notForKind(Problems problems, String field, Object benefit, Scheme scheme) {
        if (benefit != null) {
            problems.add(DEFINITION + field, "NOT_FOR_BENEFIT_KIND", scheme.name() + "不能填写此类补助规则");
        }
    }

    private static void rate(Problems problems, String field, BigDecimal rate) {
        if (rate != null && (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0)) {
            problems.add(field, "RATE_OUT_OF_RANGE", "比例须在0到1之间（1即100%）");
        }
    }

    /** An amount in yuan, when given: not negative (or positive), to the fen. */
    private static void amount(Problems problems, String field, BigDecimal value, boolean positive, String label) {
        if (value == null) {
            return;
        }
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            problems.add(field, positive ? "NOT_POSITIVE" : "NEGATIVE", label + (positive ? "须大于0" : "不能为负数"));
        } else if (!Money.isFenExact(value)) {
            problems.add(field, "TOO_MANY_DECIMALS", label + "最多保留两位小数（分）");
        }
    }

    private static void positive(Problems problems, String field, Integer value, String label) {
        if (value != null && value <= 0) {
            problems.add(DEFINITION + field, "NOT_POSITIVE", label + "须大于0");
        }
    }

    private static void nonNegative(Problems problems, String field, Integer value, String label) {
        if (value != null && value < 0) {
            problems.add(DEFINITION + field, "NEGATIVE", label + "不能为负数");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
