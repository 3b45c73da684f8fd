package org.huzhu.scheme.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.huzhu.membership.InsuranceType;
import org.huzhu.membership.Sex;
import org.huzhu.scheme.ClaimWindowStart;
import org.huzhu.scheme.DocumentKind;

/**
 * What the rule set form calls each field, in Chinese, with its help text, and how it shows a
 * value: one place for the form, its problems and the changes it would make. Fields are named
 * as the publication's checks name them, a row's by its table ({@code definition.expenseBenefit.tiers[1].rate}
 * is the rate of the second tier).
 */
final class RuleSetFields {

    /** A field's words: its label and, when it needs one, its help text. */
    record Words(String label, String hint) {
    }

    /** A table of rows: what one row is called (第2档), its help text, its columns. */
    record Table(String path, String row, String hint, List<String> columns) {

        public String label() {
            return CATALOGUE.label(path);
        }

        public String rowLabel(int index) {
            return row.formatted(index + 1);
        }
    }

    static final List<Table> TABLES = List.of(
            new Table("definition.expenseBenefit.tiers", "第%d档",
                    "各档首尾相接，第一档从0元起，下一档的起点等于上一档的终点；只有最后一档可以不填终点（以上不封顶）。"
                            + "比例填0到1之间的小数，如 0.50 表示五成。",
                    List.of("from", "to", "rate")),
            new Table("definition.expenseBenefit.dailyAllowance.bands", "第%d档",
                    "按连续参保年限分档，第一档从参保0年起，逐档递增；不发住院津贴则删去所有行并清空最多天数。",
                    List.of("fromYears", "perDay")),
            new Table("definition.lumpSumBenefit.groups", "第%d个病种",
                    "病种编码在各版本间保持不变（用于查找会员以往的给付），大写字母、数字或下划线；"
                            + "ICD-10编码前缀用逗号分隔，如 C50, D05（C50 含 C50.0 至 C50.9）；同一诊断只能属于一个病种。",
                    List.of("code", "name", "icd10Prefixes", "amount")),
            new Table("definition.funding.funders", "第%d个出资方",
                    "不填出资方则全部由主办单位承担。每个出资方填分担比例或固定金额之一：固定金额先按顺序扣除，"
                            + "余下的按比例分担，各比例之和须为1。",
                    List.of("code", "name", "share", "fixed")));

    private static final Map<String, Words> WORDS = words();
    private static final Pattern ROW = Pattern.compile("(.+?)\\[(\\d+)](?:\\.(.+))?");
    private static final Map<String, Function<String, String>> VALUES = Map.of(
            "definition.eligibleInsuranceTypes", name -> label(InsuranceType.values(), name, InsuranceType::label),
            "definition.eligibleSex", name -> label(Sex.values(), name, Sex::label),
            "definition.claimWindowFrom", name -> label(ClaimWindowStart.values(), name, ClaimWindowStart::label),
            "definition.requiredDocuments", name -> label(DocumentKind.values(), name, DocumentKind::label),
            "definition.lumpSumBenefit.groups[].documents", name -> label(DocumentKind.values(), name, DocumentKind::label),
            "definition.lumpSumBenefit.paidOncePerGroup", value -> "true".equals(value) ? "是" : "否");

    /** The catalogue, for pages: {@code ${fields.label('definition.minAge')}}. */
    static final RuleSetFields CATALOGUE = new RuleSetFields();

    private RuleSetFields() {
    }

    /** The field's label on the form: a column's own, without its row. */
    public String label(String field) {
        Words words = WORDS.get(key(field));
        return words == null ? field : words.label();
    }

    public String hint(String field) {
        Words words = WORDS.get(key(field));
        return words == null ? null : words.hint();
    }

    /** The field as a person names it anywhere on its own: 补助比例分档 第2档 · 补助比例. */
    public String fullLabel(String field) {
        Matcher row = ROW.matcher(field);
        if (row.matches() && table(row.group(1)) != null) {
            Table table = table(row.group(1));
            String cell = table.label() + " " + table.rowLabel(Integer.parseInt(row.group(2)));
            return row.group(3) == null ? cell : cell + " · " + label(field);
        }
        return label(field);
    }

    /** How a value of the field reads: a document kind by its Chinese name, a yes or no in words, nothing as —. */
    public String shown(String field, List<String> values) {
        if (values == null || values.stream().allMatch(String::isBlank)) {
            return "—";
        }
        Function<String, String> words = VALUES.getOrDefault(key(field), Function.identity());
        return String.join("、", values.stream().filter(v -> !v.isBlank()).map(words).toList());
    }

    public Table table(String path) {
        return TABLES.stream().filter(table -> table.path().equals(path)).findFirst().orElse(null);
    }

    /** The field's name in the catalogue: every row index left out ({@code tiers[].rate}). */
    private static String key(String field) {
        return field.replaceAll("\\[\\d+]", "[]");
    }

    private static <E extends Enum<E>> String label(E[] constants, String name, Function<E, String> label) {
        return Arrays.stream(constants).filter(e -> e.name().equals(name)).map(label).findFirst().orElse(name);
    }

    private static Map<String, Words> words() {
        Map<String, Words> words = new LinkedHashMap<>();
        words.put("organiser", new Words("主办单位编码", "发布规则的主办单位（如 DEMO）；新版本接替该单位现行的版本"));
        words.put("effectiveFrom", new Words("生效日期", "如 2027-01-01；与现行版本同一天生效则取代现行版本，晚于它则现行版本止于前一天"));
        words.put("effectiveTo", new Words("失效日期（可不填）", "不填则一直有效，直到下一个版本生效"));
        words.put("reason", new Words("发布原因", "如：2027保障年度规则调整；记入版本记录，最多500字"));
        String d = "definition.";
        words.put(d + "schemeYearStart", new Words("保障年度起始日", "月-日，如 10-16 表示每年10月16日开始新的保障年度；年度封顶和次数按保障年度计"));
        words.put(d + "eligibleInsuranceTypes", new Words("可参加的医保类型", "至少选择一种"));
        words.put(d + "eligibleSex", new Words("限定性别", "只保障一种性别时选择（如女职工项目），否则选不限"));
        words.put(d + "minAge", new Words("最低年龄（岁）", "按入院或确诊当日的周岁计；不限则不填"));
        words.put(d + "maxAge", new Words("最高年龄（岁）", "按入院或确诊当日的周岁计；不限则不填"));
        words.put(d + "waitingPeriod.noCoverDays", new Words("等待期（天）", "首次参保后这些天内发生的不予补助；连续续保不再等待；没有等待期填 0 或不填"));
        words.put(d + "waitingPeriod.reducedDays", new Words("减付期（天）", "等待期之后按减付比例给付的天数；没有则不填"));
        words.put(d + "waitingPeriod.reducedRate", new Words("减付期给付比例", "0到1之间的小数，如 0.50 表示按五成给付；有减付期时必填"));
        words.put(d + "claimWindowDays", new Words("申领期限（天）", "自起算事件起多少天内须提出申请"));
        words.put(d + "claimWindowFrom", new Words("申领期限起算", "按费用补助的项目从出院起算，定额给付的项目从确诊起算；也可从保障期满起算"));
        words.put(d + "paymentDeadlineWorkingDays", new Words("支付时限（工作日）", "材料齐全后多少个工作日内付款"));
        words.put(d + "reviewWindowDays", new Words("复核申请期限（天）", "驳回之日起多少天内会员可申请复核；不填为60天"));
        words.put(d + "reviewDeadlineWorkingDays", new Words("复核办理时限（工作日）", "提出复核申请后多少个工作日内作出复核结论；不填为10个工作日"));
        words.put(d + "requiredDocuments", new Words("必交材料", "每件申请审核前都须交齐的材料"));
        String e = d + "expenseBenefit.";
        words.put(e + "deductible", new Words("起付线（元）", "每件申请的可补助费用先减去起付线，再分档计算；没有起付线填 0"));
        words.put(e + "tiers", new Words("补助比例分档", null));
        words.put(e + "tiers[].from", new Words("起点（元）", null));
        words.put(e + "tiers[].to", new Words("终点（元）", null));
        words.put(e + "tiers[].rate", new Words("补助比例", null));
        words.put(e + "minimumPerStay", new Words("每次最低补助（元）", "分档有补助时至少补助此数，但不超过可补助费用；不设则不填"));
        words.put(e + "dailyAllowance.maxDays", new Words("住院津贴最多天数", "一次住院最多按多少天发津贴；不限则不填"));
        words.put(e + "dailyAllowance.bands", new Words("住院津贴", null));
        words.put(e + "dailyAllowance.bands[].fromYears", new Words("参保满（年）", null));
        words.put(e + "dailyAllowance.bands[].perDay", new Words("每日津贴（元）", null));
        words.put(e + "perClaimCap", new Words("每次补助上限（元）", "一件申请最多补助的金额；不设则不填"));
        words.put(e + "annualCap", new Words("年度封顶（元）", "每人每保障年度最多补助的金额"));
        words.put(e + "claimsPerYear", new Words("每年补助次数", "每人每保障年度最多补助几次；不限则不填"));
        String l = d + "lumpSumBenefit.";
        words.put(l + "groups", new Words("病种及给付金额", null));
        words.put(l + "groups[].code", new Words("病种编码", null));
        words.put(l + "groups[].name", new Words("病种名称", null));
        words.put(l + "groups[].icd10Prefixes", new Words("ICD-10编码前缀", null));
        words.put(l + "groups[].amount", new Words("给付金额（元）", null));
        words.put(l + "groups[].documents", new Words("另需材料", null));
        words.put(l + "paidOncePerGroup", new Words("每个病种只给付一次", "选“是”时，同一会员同一病种只给付一次"));
        String f = d + "funding.";
        words.put(f + "funders", new Words("出资方", null));
        words.put(f + "funders[].code", new Words("出资方编码", null));
        words.put(f + "funders[].name", new Words("出资方名称", null));
        words.put(f + "funders[].share", new Words("分担比例", null));
        words.put(f + "funders[].fixed", new Words("固定金额（元）", null));
        words.put(f + "remainderTo", new Words("尾差承担方", "按比例分担后剩下的零头（分）由哪个出资方承担，填其编码；有出资方时必填"));
        return words;
    }
}
