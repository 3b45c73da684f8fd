package org.huzhu.scheme;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestIds;
import org.huzhu.support.TestOrganisers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.fieldMessages;
import static org.huzhu.support.Api.require;

/** Process admins list, read and publish rule sets; a bad set is refused field by field and changes nothing. */
@HuzhuIntegrationTest
class SchemeApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    Api api;
    String organiser;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        organiser = TestOrganisers.create(organisations, identities);
    }

    Map<String, Object> publication(String from, String reason, JsonNode definition) {
        return RuleSetRequests.publication(organiser, from, reason, definition);
    }

    @Test
    void adminsSeeTheFourSchemesAndTheDemoRules() {
        JsonNode schemes = require(api.get("admin", "/api/schemes"), 200).body();
        assertThat(schemes.findValuesAsText("code")).contains("INPATIENT", "OUTPATIENT_SPECIAL", "XINKANG", "MAJOR_ILLNESS");
        assertThat(StreamSupport.stream(schemes.spliterator(), false)
                .filter(s -> s.get("code").asText().equals("XINKANG")).findFirst().orElseThrow()
                .get("benefitKind").asText()).isEqualTo("LUMP_SUM");

        JsonNode versions = require(api.get("admin", "/api/schemes/INPATIENT/rule-sets?organiser=DEMO"), 200).body();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("reason").asText()).contains("安阳");
        assertThat(versions.get(0).has("definition")).isFalse();
        JsonNode anyang = require(api.get("admin", "/api/schemes/INPATIENT/rule-sets/" + versions.get(0).get("id").asLong()),
                200).body();
        assertThat(anyang.get("definition").get("schemeYearStart").asText()).isEqualTo("--10-16");
        assertThat(anyang.get("definition").get("expenseBenefit").get("tiers").get(1).get("rate").asText()).isEqualTo("0.50");
        assertThat(api.get("admin", "/api/schemes/XINKANG/rule-sets/" + anyang.get("id").asLong()).status()).isEqualTo(404);
        assertThat(api.get("admin", "/api/schemes/NO_SUCH/rule-sets").status()).isEqualTo(404);
    }

    @Test
    void onlyProcessAdminsAndAdminsManageRules() {
        for (String user : List.of("clerk", "agency", "league", "supervisor")) {
            Api.Answer refused = api.get(user, "/api/schemes");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("code").asText()).isEqualTo("NOT_PROCESS_ADMIN");
        }
        assertThat(api.post("league", "/api/schemes/INPATIENT/rule-sets",
                publication("2026-10-16", "无权发布", RuleSetRequests.definition("anyang-inpatient-2019.json"))).status()).isEqualTo(403);
        String processAdmin = "rules-" + TestIds.code("u");
        identities.ensureUser(processAdmin, "规则", "管理员", "demo", List.of("process-admin"));
        JsonNode published = require(api.post(processAdmin, "/api/schemes/INPATIENT/rule-sets",
                publication("2024-10-16", "首年规则", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 201).body();
        assertThat(published.get("publishedBy").asText()).isEqualTo(processAdmin);
        assertThat(published.get("organiser").asText()).isEqualTo(organiser);
        assertThat(published.get("publishedAt").asText()).endsWith("+08:00");
    }

    @Test
    void nextYearsRulesEndTheCurrentVersionTheDayBeforeAndLeaveItsRulesAsTheyWere() {
        JsonNode first = require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2024-10-16", "首年规则", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 201).body();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("effectiveTo").isNull()).isTrue();

        Api.Answer answer = require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2025-10-16", "2025保障年度：提高比例，居民医保参保职工纳入", RuleSetRequests.definition("inpatient-next-year-example.json"))), 201);
        assertThat(answer.headers().getLocation().getPath())
                .isEqualTo("/api/schemes/INPATIENT/rule-sets/" + answer.body().get("id").asLong());
        assertThat(answer.body().get("version").asInt()).isEqualTo(2);

        JsonNode versions = require(api.get("admin", "/api/schemes/INPATIENT/rule-sets?organiser=" + organiser), 200).body();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("effectiveTo").asText()).isEqualTo("2025-10-15");
        assertThat(versions.get(1).get("effectiveTo").isNull()).isTrue();
        JsonNode firstNow = require(api.get("admin", "/api/schemes/INPATIENT/rule-sets/" + first.get("id").asLong()), 200).body();
        assertThat(firstNow.get("definition")).isEqualTo(first.get("definition"));
    }

    @Test
    void aCorrectionStartingTheSameDaySupersedesTheVersionItCorrects() {
        JsonNode first = require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2027-10-16", "2027保障年度规则", RuleSetRequests.definition("inpatient-next-year-example.json"))), 201).body();
        ObjectNode corrected = RuleSetRequests.definition("inpatient-next-year-example.json");
        ((ObjectNode) corrected.get("expenseBenefit")).put("annualCap", "400000.00");
        JsonNode correction = require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2027-10-16", "更正：年度封顶应为40万元", corrected)), 201).body();

        JsonNode versions = require(api.get("admin", "/api/schemes/INPATIENT/rule-sets?organiser=" + organiser), 200).body();
        assertThat(versions.get(0).get("supersededBy").asLong()).isEqualTo(correction.get("id").asLong());
        assertThat(versions.get(0).get("effectiveTo").isNull()).isTrue();
        assertThat(versions.get(1).get("supersededBy").isNull()).isTrue();
        assertThat(require(api.get("admin", "/api/schemes/INPATIENT/rule-sets/" + first.get("id").asLong()), 200).body()
                .get("definition").get("expenseBenefit").get("annualCap").asText()).isEqualTo("500000.00");
    }

    @Test
    void aBadSetIsRefusedFieldByFieldAndNothingChanges() {
        require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2025-10-16", "现行规则", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 201);
        long before = ruleSetCount();
        ObjectNode bad = RuleSetRequests.definition("anyang-inpatient-2019.json");
        ObjectNode benefit = (ObjectNode) bad.get("expenseBenefit");
        ((ObjectNode) benefit.get("tiers").get(1)).put("from", "1200.00").put("rate", "1.50");
        benefit.put("annualCap", "-1.00");

        Api.Answer answer = require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2026-10-16", "有误的规则", bad)), 400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fieldCodes(answer)).containsExactlyInAnyOrder(
                "definition.expenseBenefit.tiers[1].from:TIERS_NOT_CONTIGUOUS",
                "definition.expenseBenefit.tiers[1].rate:RATE_OUT_OF_RANGE",
                "definition.expenseBenefit.annualCap:NOT_POSITIVE");
        assertThat(answer.body().get("errors").get(0).get("message").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(ruleSetCount()).isEqualTo(before);
        assertThat(require(api.get("admin", "/api/schemes/INPATIENT/rule-sets?organiser=" + organiser), 200).body()
                .get(0).get("effectiveTo").isNull()).isTrue();

        assertThat(fieldCodes(require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2025-10-15", "早于现行版本", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 400)))
                .containsExactly("effectiveFrom:STARTS_BEFORE_LATEST");
        assertThat(ruleSetCount()).isEqualTo(before);
    }

    @Test
    void everyUnreadableFieldOfARuleSetIsNamedWithWhatItExpects() {
        long before = ruleSetCount();
        ObjectNode definition = RuleSetRequests.definition("anyang-inpatient-2019.json");
        definition.put("schemeYearStart", "10月16日");
        definition.put("eligibleSex", "女");
        ((ObjectNode) definition.get("expenseBenefit")).put("annualCap", "100,000.00");
        ((ObjectNode) definition.get("expenseBenefit").get("tiers").get(1)).put("rate", "五成");
        ((ObjectNode) definition.get("expenseBenefit")).put("anualCap", "100000.00");
        Api.Answer answer = require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2025-10-16", "多处写错", definition)), 400);
        assertThat(fieldMessages(answer)).containsOnly(
                Map.entry("definition.schemeYearStart:INVALID_FORMAT", "月日格式为 --月-日，例如 --10-16 表示10月16日"),
                Map.entry("definition.eligibleSex:INVALID_FORMAT", "只能是以下之一：M、F"),
                Map.entry("definition.expenseBenefit.annualCap:INVALID_FORMAT", "金额须为数字，最多两位小数，不要千位分隔符，例如 1234.50"),
                Map.entry("definition.expenseBenefit.tiers[1].rate:INVALID_FORMAT", "比例须为 0 到 1 之间的小数，例如 0.30 表示三成"),
                Map.entry("definition.expenseBenefit.anualCap:UNKNOWN_FIELD", "无法识别的字段：anualCap"));
        assertThat(ruleSetCount()).isEqualTo(before);
    }

    @Test
    void aMisspeltOrMistypedFieldIsRefusedRatherThanLeftOut() {
        ObjectNode misspelt = RuleSetRequests.definition("anyang-inpatient-2019.json");
        ((ObjectNode) misspelt.get("expenseBenefit")).put("anualCap", "100000.00");
        assertThat(fieldCodes(require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2025-10-16", "拼错字段", misspelt)), 400)))
                .containsExactly("definition.expenseBenefit.anualCap:UNKNOWN_FIELD");

        ObjectNode mistyped = RuleSetRequests.definition("anyang-inpatient-2019.json");
        ((ObjectNode) mistyped.get("expenseBenefit").get("tiers").get(0)).put("rate", "三成");
        assertThat(fieldCodes(require(api.post("admin", "/api/schemes/INPATIENT/rule-sets",
                publication("2025-10-16", "比例写错", mistyped)), 400)))
                .containsExactly("definition.expenseBenefit.tiers[0].rate:INVALID_FORMAT");

        Map<String, Object> strange = publication("2025-10-16", "无此主办单位", RuleSetRequests.definition("anyang-inpatient-2019.json"));
        strange.put("organiser", "NO-SUCH-ORG");
        assertThat(fieldCodes(require(api.post("admin", "/api/schemes/INPATIENT/rule-sets", strange), 400)))
                .containsExactly("organiser:UNKNOWN_ORGANISER");
        assertThat(api.post("admin", "/api/schemes/NO_SUCH/rule-sets",
                publication("2025-10-16", "无此项目", RuleSetRequests.definition("anyang-inpatient-2019.json"))).status()).isEqualTo(404);
        assertThat(fieldCodes(require(api.post("admin", "/api/schemes/XINKANG/rule-sets",
                publication("2025-10-16", "种类不符", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 400)))
                .containsExactlyInAnyOrder("definition.expenseBenefit:NOT_FOR_BENEFIT_KIND",
                        "definition.lumpSumBenefit:REQUIRED");
    }

    private long ruleSetCount() {
        return jdbc.sql("select count(*) from rule_set").query(Long.class).single();
    }
}
