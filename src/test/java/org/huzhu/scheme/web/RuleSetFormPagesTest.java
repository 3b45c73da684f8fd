package org.huzhu.scheme.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSetDraft;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.BrowserScript;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestOrganisers;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new rule set version from the workbench's form, over HTTP as a browser sends it: filled in
 * from the version it starts from, rows added and removed on the server, the changes shown
 * before anything is published, each problem at its input with what was typed kept.
 */
@HuzhuIntegrationTest
class RuleSetFormPagesTest {

    private static final String TIERS = "definition.expenseBenefit.tiers";

    @LocalServerPort
    int port;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    String organiser;
    RuleSet first;
    WorkbenchSession padmin;

    @BeforeEach
    void aFirstVersion() throws Exception {
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        organiser = TestOrganisers.create(organisations, identities);
        RuleSetDefinition rules = json.treeToValue(RuleSetRequests.definition("anyang-inpatient-2019.json"),
                RuleSetDefinition.class);
        first = ruleSets.publish(ruleSets.scheme("INPATIENT").orElseThrow(),
                new RuleSetDraft(organiser, LocalDate.parse("2025-10-16"), null, "首年规则", rules), "padmin", clock.instant());
        padmin = WorkbenchSession.signIn(port, "padmin");
    }

    @Test
    void aProcessAdminChangesWhatChangedSeesTheChangesAndPublishesOnce() throws Exception {
        Page scheme = padmin.get("/schemes/INPATIENT");
        assertThat(scheme.html().select("a.button:contains(新版本（表单）)").attr("href")).isEqualTo("/schemes/INPATIENT/rule-sets/new");
        assertThat(scheme.html().select("table.rule-sets tr:contains(" + organiser + ") a:contains(以此为底稿)").attr("href"))
                .isEqualTo("/schemes/INPATIENT/rule-sets/new?from=" + first.id());

        Page form = padmin.get("/schemes/INPATIENT/rule-sets/new?from=" + first.id());
        assertThat(form.status()).isEqualTo(200);
        Document page = form.html();
        assertThat(page.select("[name=\"organiser\"]").val()).isEqualTo(organiser);
        assertThat(page.select("[name=\"definition.schemeYearStart\"]").val()).isEqualTo("10-16");
        assertThat(page.select("[name=\"definition.expenseBenefit.deductible\"]").val()).isEqualTo("0.00");
        assertThat(page.select("[name=\"definition.expenseBenefit.annualCap\"]").val()).isEqualTo("100000.00");
        assertThat(page.select("[name=\"" + TIERS + "[1].rate\"]").val()).isEqualTo("0.50");
        assertThat(page.select("[name=\"" + TIERS + "[1].to\"]").val()).isEmpty();
        assertThat(page.select("input[name=\"definition.eligibleInsuranceTypes\"][checked]").eachAttr("value")).containsExactly("EMPLOYEE");
        assertThat(page.select("input[name=\"definition.requiredDocuments\"][checked]").size()).isEqualTo(6);
        assertThat(page.select("label:has(input[name=\"definition.requiredDocuments\"][value=DISCHARGE_SUMMARY])").text()).isEqualTo("出院小结");
        assertThat(page.select(".field:has([name=\"definition.expenseBenefit.deductible\"]) label").text()).isEqualTo("起付线（元）");
        assertThat(page.select(".field:has([name=\"definition.expenseBenefit.deductible\"]) .hint").text()).contains("先减去起付线");
        assertThat(page.select("table.expenseBenefit-tiers thead th").eachText()).containsSubsequence("起点（元）", "终点（元）", "补助比例");
        assertThat(page.select("table.expenseBenefit-tiers tbody tr")).hasSize(2);

        // 增加一行: the form again, one row more, nothing checked
        MultiValueMap<String, String> fields = fields(page);
        fields.set("definition.expenseBenefit.deductible", "500.00");
        fields.set(TIERS + "[1].to", "20000.00");
        fields.set(TIERS + "[1].rate", "0.60");
        Page more = padmin.post("/schemes/INPATIENT/rule-sets/new", with(fields, "add:" + TIERS));
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.html().select("table.expenseBenefit-tiers tbody tr")).hasSize(3);
        assertThat(more.html().select("[name=\"" + TIERS + "[1].rate\"]").val()).isEqualTo("0.60");
        assertThat(more.html().select(".error:not(:empty)")).isEmpty();

        // a row removed moves the ones after it up
        fields = fields(more.html());
        fields.set(TIERS + "[2].from", "20000.00");
        fields.set(TIERS + "[2].rate", "0.70");
        Page spare = padmin.post("/schemes/INPATIENT/rule-sets/new", with(fields, "add:" + TIERS));
        MultiValueMap<String, String> four = fields(spare.html());
        four.set(TIERS + "[2].from", "");
        Page removed = padmin.post("/schemes/INPATIENT/rule-sets/new", with(four, "remove:" + TIERS + "[2]"));
        assertThat(removed.html().select("table.expenseBenefit-tiers tbody tr")).hasSize(3);
        assertThat(removed.html().select("[name=\"" + TIERS + "[2].rate\"]").val()).isEmpty();
        fields.set("effectiveFrom", "2026-10-16");
        fields.set("reason", "2026保障年度：起付线500元，两万元以上七成");
        long before = count();

        Page review = padmin.post("/schemes/INPATIENT/rule-sets/new", with(fields, "review"));
        assertThat(review.status()).as(review.text()).isEqualTo(200);
        assertThat(review.html().select("h1").text()).contains("核对新版本");
        assertThat(review.html().select("table.changes tbody tr").eachText()).containsExactlyInAnyOrder(
                "生效日期 2025-10-16 2026-10-16",
                "起付线（元） 0.00 500.00",
                "补助比例分档 第2档 · 终点（元） — 20000.00",
                "补助比例分档 第2档 · 补助比例 0.50 0.60",
                "补助比例分档 第3档 · 起点（元） — 20000.00",
                "补助比例分档 第3档 · 补助比例 — 0.70");
        assertThat(review.html().select("p.takeover").text()).contains("现行第1版", "止于 2026-10-15");
        assertThat(count()).isEqualTo(before);

        // 返回修改 brings the form back as typed
        MultiValueMap<String, String> confirm = fields(review.html(), "form.rule-set-confirm");
        Page edit = padmin.post("/schemes/INPATIENT/rule-sets/new", with(confirm, "edit"));
        assertThat(edit.html().select("[name=\"" + TIERS + "[2].rate\"]").val()).isEqualTo("0.70");
        assertThat(edit.html().select("[name=\"reason\"]").text()).isEqualTo("2026保障年度：起付线500元，两万元以上七成");

        Page published = padmin.post("/schemes/INPATIENT/rule-sets/new", with(confirm, "publish"));
        assertThat(published.status()).as(published.text()).isEqualTo(302);
        Page twice = padmin.post("/schemes/INPATIENT/rule-sets/new", with(confirm, "publish"));
        assertThat(twice.location()).isEqualTo(published.location());
        assertThat(count()).isEqualTo(before + 1);

        RuleSet second = ruleSets.latestLive("INPATIENT", organiser).orElseThrow();
        assertThat(published.location()).endsWith("/schemes/INPATIENT?published=" + second.id());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.publishedBy()).isEqualTo("padmin");
        assertThat(second.reason()).isEqualTo("2026保障年度：起付线500元，两万元以上七成");
        JsonNode stored = json.readTree(jdbc.sql("select definition::text from rule_set where id = :id")
                .param("id", second.id()).query(String.class).single());
        assertThat(stored.at("/expenseBenefit/deductible").asText()).isEqualTo("500.00");
        assertThat(stored.at("/expenseBenefit/tiers")).isEqualTo(json.readTree("""
                [{"from": "0.00", "to": "1000.00", "rate": "0.30"}, {"from": "1000.00", "to": "20000.00", "rate": "0.60"},
                 {"from": "20000.00", "to": null, "rate": "0.70"}]"""));
        assertThat(stored.at("/expenseBenefit/annualCap").asText()).isEqualTo("100000.00");
        assertThat(stored.at("/schemeYearStart").asText()).isEqualTo("--10-16");
        assertThat(stored.at("/requiredDocuments")).hasSize(6);
        assertThat(ruleSets.byId(first.id()).effectiveTo()).isEqualTo(LocalDate.parse("2026-10-15"));
    }

    @Test
    void badTiersAgesAndDatesShowAtTheirInputsWithWhatWasTypedAndNothingIsStored() {
        Page form = padmin.get("/schemes/INPATIENT/rule-sets/new?from=" + first.id());
        MultiValueMap<String, String> fields = fields(form.html());
        fields.set("effectiveFrom", "2026-02-30");
        fields.set("reason", "写错了几处");
        fields.set(TIERS + "[0].rate", "三成");
        fields.set(TIERS + "[1].from", "1200.00");
        fields.set(TIERS + "[1].rate", "1.5");
        fields.set("definition.minAge", "十八");
        fields.set("definition.maxAge", "-1");
        fields.set("definition.expenseBenefit.annualCap", "");
        long before = count();

        for (String action : List.of("review", "publish")) {
            Page refused = padmin.post("/schemes/INPATIENT/rule-sets/new", with(fields, action));
            assertThat(refused.status()).isEqualTo(400);
            Document page = refused.html();
            assertThat(page.select(".field.invalid:has([name=\"effectiveFrom\"]) .error").text()).isEqualTo("日期格式应为 2026-12-02");
            assertThat(page.select("[name=\"effectiveFrom\"]").val()).isEqualTo("2026-02-30");
            assertThat(cellError(page, TIERS + "[0].rate")).isEqualTo("比例须为 0 到 1 之间的小数，例如 0.30 表示三成");
            assertThat(page.select("[name=\"" + TIERS + "[0].rate\"]").val()).isEqualTo("三成");
            assertThat(cellError(page, TIERS + "[1].from")).isEqualTo("本档起点须等于上一档终点（1000.00元），各档之间不能有空档或重叠");
            assertThat(cellError(page, TIERS + "[1].rate")).isEqualTo("比例须在0到1之间（1即100%）");
            assertThat(page.select("[name=\"" + TIERS + "[1].rate\"]").val()).isEqualTo("1.5");
            assertThat(page.select(".field.invalid:has([name=\"definition.minAge\"]) .error").text()).isEqualTo("须为整数，例如 10");
            assertThat(page.select("[name=\"definition.minAge\"]").val()).isEqualTo("十八");
            assertThat(page.select(".field.invalid:has([name=\"definition.maxAge\"]) .error").text()).isEqualTo("最高年龄不能为负数");
            assertThat(page.select(".field.invalid:has([name=\"definition.expenseBenefit.annualCap\"]) .error").text())
                    .isEqualTo("请填写年度封顶金额");
            assertThat(page.select("[name=\"reason\"]").text()).isEqualTo("写错了几处");
            assertThat(page.select(".problem ul.problems li").eachText())
                    .contains("补助比例分档 第2档 · 补助比例：比例须在0到1之间（1即100%）", "最低年龄（岁）：须为整数，例如 10");
        }
        assertThat(count()).isEqualTo(before);

        MultiValueMap<String, String> noTiers = fields(form.html());
        noTiers.set("effectiveFrom", "2025-09-01");
        noTiers.set("reason", "没有分档");
        noTiers.set("definition.schemeYearStart", "13-40");
        noTiers.keySet().removeIf(name -> name.startsWith(TIERS));
        Page refused = padmin.post("/schemes/INPATIENT/rule-sets/new", with(noTiers, "review"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select(".field.rows.invalid:has(table.expenseBenefit-tiers) > .error").text())
                .isEqualTo("请至少填写一档补助比例");
        assertThat(refused.html().select(".field.invalid:has([name=\"effectiveFrom\"]) .error").text()).contains("不能早于现行第1版的生效日期");
        assertThat(refused.html().select(".field.invalid:has([name=\"definition.schemeYearStart\"]) .error").text())
                .isEqualTo("格式为 月-日，例如 10-16 表示10月16日");
        assertThat(count()).isEqualTo(before);

        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        assertThat(clerk.get("/schemes/INPATIENT/rule-sets/new").status()).isEqualTo(403);
        assertThat(clerk.post("/schemes/INPATIENT/rule-sets/new", with(fields, "publish")).status()).isEqualTo(403);
    }

    @Test
    void aLumpSumSchemeGetsANewDiagnosisGroupAndFundersFromTheForm() throws Exception {
        RuleSetDefinition rules = json.treeToValue(RuleSetRequests.definition("xinkang-women-2025.json"), RuleSetDefinition.class);
        RuleSet xinkang = ruleSets.publish(ruleSets.scheme("XINKANG").orElseThrow(),
                new RuleSetDraft(organiser, LocalDate.parse("2025-01-01"), null, "馨康首年", rules), "padmin", clock.instant());
        String groups = "definition.lumpSumBenefit.groups";
        String funders = "definition.funding.funders";
        Document page = padmin.get("/schemes/XINKANG/rule-sets/new?from=" + xinkang.id()).html();
        assertThat(page.select("table.lumpSumBenefit-groups tbody tr")).hasSize(5);
        assertThat(page.select("[name=\"" + groups + "[0].icd10Prefixes\"]").val()).isEqualTo("C50");
        assertThat(page.select("input[name=\"" + groups + "[0].documents\"][checked]").eachAttr("value")).containsExactly("PATHOLOGY_REPORT");
        assertThat(page.select("[name=\"definition.eligibleSex\"] option[selected]").text()).isEqualTo("女");
        assertThat(page.select("[name=\"definition.lumpSumBenefit.paidOncePerGroup\"] option[selected]").val()).isEqualTo("true");
        assertThat(page.select("table.funding-funders tbody tr.none").text()).isEqualTo("未设置");
        assertThat(page.select("[name^=\"definition.expenseBenefit\"]")).isEmpty();

        MultiValueMap<String, String> fields = fields(page);
        fields.set(groups + "[4].amount", "3000.00");
        fields = fields(padmin.post("/schemes/XINKANG/rule-sets/new", with(fields, "add:" + groups)).html());
        fields.set(groups + "[5].code", "THYROID_CANCER");
        fields.set(groups + "[5].name", "甲状腺癌");
        fields.set(groups + "[5].icd10Prefixes", "C73，C5");
        fields.set(groups + "[5].amount", "10000.00");
        fields.add(groups + "[5].documents", "PATHOLOGY_REPORT");
        fields = fields(padmin.post("/schemes/XINKANG/rule-sets/new", with(fields, "add:" + funders)).html());
        fields = fields(padmin.post("/schemes/XINKANG/rule-sets/new", with(fields, "add:" + funders)).html());
        fields.set(funders + "[0].code", "CITY");
        fields.set(funders + "[0].name", "市总工会");
        fields.set(funders + "[0].share", "0.60");
        fields.set(funders + "[1].code", "DISTRICT");
        fields.set(funders + "[1].name", "区总工会");
        fields.set(funders + "[1].fixed", "");
        fields.set("definition.funding.remainderTo", "CITY");
        fields.set("effectiveFrom", "2026-01-01");
        fields.set("reason", "馨康2026：增加甲状腺癌，市区两级出资");
        long before = count();

        Page refused = padmin.post("/schemes/XINKANG/rule-sets/new", with(fields, "review"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("td:has(> input[name=\"" + groups + "[5].icd10Prefixes\"]) > .error").text())
                .startsWith("编码前缀C5与第");
        assertThat(refused.html().select("[name=\"" + groups + "[5].icd10Prefixes\"]").val()).isEqualTo("C73，C5");
        assertThat(cellError(refused.html(), funders + "[1].share")).isEqualTo("出资方须填写比例（share）或固定金额（fixed）之一");
        assertThat(refused.html().select(".field.rows:has(table.funding-funders) > .error").text()).isEqualTo("各出资方比例之和须为1（100%）");
        assertThat(refused.html().select("input[name=\"" + groups + "[5].documents\"][checked]").eachAttr("value"))
                .containsExactly("PATHOLOGY_REPORT");

        fields.set(groups + "[5].icd10Prefixes", "C73, D09.3");
        fields.set(funders + "[1].share", "0.40");
        Page review = padmin.post("/schemes/XINKANG/rule-sets/new", with(fields, "review"));
        assertThat(review.status()).as(review.text()).isEqualTo(200);
        assertThat(review.html().select("table.changes tbody tr").eachText()).contains(
                "病种及给付金额 第5个病种 · 给付金额（元） 2000.00 3000.00",
                "病种及给付金额 第6个病种 · ICD-10编码前缀 — C73, D09.3",
                "病种及给付金额 第6个病种 · 另需材料 — 病理报告",
                "出资方 第2个出资方 · 分担比例 — 0.40",
                "尾差承担方 — CITY");
        Page published = padmin.post("/schemes/XINKANG/rule-sets/new", with(fields(review.html(), "form.rule-set-confirm"), "publish"));
        assertThat(published.status()).isEqualTo(302);
        assertThat(count()).isEqualTo(before + 1);
        RuleSet second = ruleSets.latestLive("XINKANG", organiser).orElseThrow();
        assertThat(second.definition().lumpSumBenefit().groups().get(5)).satisfies(group -> {
            assertThat(group.code()).isEqualTo("THYROID_CANCER");
            assertThat(group.icd10Prefixes()).containsExactly("C73", "D09.3");
            assertThat(group.amount()).isEqualByComparingTo("10000.00");
            assertThat(group.documents()).extracting(Enum::name).containsExactly("PATHOLOGY_REPORT");
        });
        assertThat(second.definition().lumpSumBenefit().groups().get(4).amount()).isEqualByComparingTo("3000.00");
        assertThat(second.definition().funding().funders()).extracting(f -> f.code() + " " + f.share())
                .containsExactly("CITY 0.60", "DISTRICT 0.40");
        assertThat(second.definition().eligibleSex()).hasToString("F");
        assertThat(second.definition().requiredDocuments()).hasSize(3);
    }

    @Test
    void aProcessAdminPublishesANewVersionFromTheFormInTheBrowser() throws Exception {
        long before = count();
        String output = BrowserScript.run("workbench-ruleset-form.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                "ORGANISER", organiser, "EFFECTIVE_FROM", "2026-10-16", "REASON", "2026保障年度规则调整",
                "SCREENSHOTS", Path.of("target/workbench-ruleset-").toAbsolutePath().toString()));
        assertThat(output).contains("done");
        assertThat(line(output, "form: ")).isEqualTo("住院医疗互助 · 新版本（表单）");
        assertThat(line(output, "prefilled: ")).isEqualTo(organiser + "|0.00|0.50");
        assertThat(line(output, "tiers: ")).isEqualTo("3");
        assertThat(line(output, "error: ")).isEqualTo("比例须为 0 到 1 之间的小数，例如 0.30 表示三成");
        assertThat(line(output, "summary: ")).isEqualTo("补助比例分档 第3档 · 补助比例：比例须为 0 到 1 之间的小数，例如 0.30 表示三成");
        assertThat(line(output, "kept: ")).isEqualTo("七成|500.00");
        assertThat(line(output, "confirm: ")).isEqualTo("住院医疗互助 · 核对新版本");
        assertThat(line(output, "changes: ")).contains("起付线（元） 0.00 500.00", "补助比例分档 第2档 · 补助比例 0.50 0.60",
                "补助比例分档 第3档 · 补助比例 — 0.70");
        assertThat(line(output, "takeover: ")).contains("止于 2026-10-15");
        assertThat(line(output, "published: ")).contains("已发布第2版", organiser, "2026-10-16");
        assertThat(line(output, "versions: ")).contains("第2版", "2026保障年度规则调整", "有效");

        assertThat(count()).isEqualTo(before + 1);
        RuleSet second = ruleSets.latestLive("INPATIENT", organiser).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.effectiveFrom()).isEqualTo(LocalDate.parse("2026-10-16"));
        assertThat(second.definition().expenseBenefit().deductible()).isEqualByComparingTo("500.00");
        assertThat(second.definition().expenseBenefit().tiers()).extracting(tier -> tier.from() + " " + tier.to() + " " + tier.rate())
                .containsExactly("0.00 1000.00 0.30", "1000.00 20000.00 0.60", "20000.00 null 0.70");
        assertThat(List.of("form", "error", "confirm", "published"))
                .allSatisfy(shot -> assertThat(Path.of("target/workbench-ruleset-" + shot + ".png")).isNotEmptyFile());
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output))
                .substring(prefix.length());
    }

    /** The form's fields as a browser sends them, without the button's. */
    private static MultiValueMap<String, String> fields(Document page) {
        return fields(page, "form.rule-set-form");
    }

    private static MultiValueMap<String, String> fields(Document page, String form) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        ((FormElement) page.selectFirst(form)).formData().forEach(field -> fields.add(field.key(), field.value()));
        fields.remove("_csrf");
        return fields;
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> fields, String action) {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>(fields);
        sent.set("action", action);
        return sent;
    }

    private static String cellError(Document page, String field) {
        return page.select("td:has(> input[name=\"" + field + "\"]) > .error").text();
    }

    private long count() {
        return jdbc.sql("select count(*) from rule_set").query(Long.class).single();
    }
}
