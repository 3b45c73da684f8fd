package org.huzhu.scheme.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestOrganisers;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The process admins' scheme pages over HTTP: versions listed, a version published from an uploaded file, problems at their field. */
@HuzhuIntegrationTest
class SchemePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aProcessAdminPublishesAVersionFromAFileAndSeesEveryProblemAtItsPlace() {
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        String organiser = TestOrganisers.create(organisations, identities);
        WorkbenchSession padmin = WorkbenchSession.signIn(port, "padmin");
        Page schemes = padmin.get("/schemes");
        assertThat(schemes.status()).isEqualTo(200);
        assertThat(schemes.menu()).contains("保障项目与规则", "流程修订");
        assertThat(schemes.html().select("table.schemes td").eachText()).contains("INPATIENT", "按自付费用分段补助");
        Page inpatient = padmin.get("/schemes/INPATIENT");
        assertThat(inpatient.text()).contains("规则版本", "DEMO", "发布新版本");
        long before = count();

        ObjectNode bad = RuleSetRequests.definition("anyang-inpatient-2019.json");
        ObjectNode benefit = (ObjectNode) bad.get("expenseBenefit");
        ((ObjectNode) benefit.get("tiers").get(1)).put("rate", "五成");
        benefit.put("anualCap", "100000.00");
        Page unreadable = padmin.postFiles("/schemes/INPATIENT/rule-sets", Map.of("organiser", organiser,
                "effectiveFrom", "2025-13-01", "reason", "多处写错"), "definition", Map.of("rules.json", bad.toString()));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.html().select(".field.invalid:has(#effectiveFrom) .error").text()).isEqualTo("日期格式应为 2026-12-02");
        assertThat(unreadable.html().select("#effectiveFrom").val()).isEqualTo("2025-13-01");
        assertThat(unreadable.html().select("#reason").text()).isEqualTo("多处写错");
        assertThat(unreadable.html().select(".field.invalid:has(#definition) table.definition-problems tr").eachText())
                .contains("definition.expenseBenefit.tiers[1].rate 比例须为 0 到 1 之间的小数，例如 0.30 表示三成",
                        "definition.expenseBenefit.anualCap 无法识别的字段：anualCap");

        ObjectNode wrong = RuleSetRequests.definition("anyang-inpatient-2019.json");
        ((ObjectNode) wrong.get("expenseBenefit")).put("annualCap", "-1.00");
        Page refused = padmin.postFiles("/schemes/INPATIENT/rule-sets", Map.of("organiser", organiser,
                "effectiveFrom", "", "reason", ""), "definition", Map.of("rules.json", wrong.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select(".field.invalid:has(#effectiveFrom) .error").text()).isEqualTo("请填写生效日期");
        assertThat(refused.html().select(".field.invalid:has(#definition) td").eachText())
                .contains("definition.expenseBenefit.annualCap");
        Page noFile = padmin.postFiles("/schemes/INPATIENT/rule-sets", Map.of("organiser", organiser,
                "effectiveFrom", "2025-10-16", "reason", "没有文件"), "definition", Map.of());
        assertThat(noFile.html().select(".field.invalid:has(#definition) .error").text()).isEqualTo("请填写规则内容");
        assertThat(padmin.postFilesWithoutToken("/schemes/INPATIENT/rule-sets", Map.of("organiser", organiser,
                "effectiveFrom", "2025-10-16", "reason", "伪造"), "definition", Map.of("rules.json", RuleSetRequests
                .definition("anyang-inpatient-2019.json").toString())).status()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        Page published = padmin.postFiles("/schemes/INPATIENT/rule-sets", Map.of("organiser", organiser,
                "effectiveFrom", "2025-10-16", "reason", "首年规则"), "definition",
                Map.of("rules.json", RuleSetRequests.definition("anyang-inpatient-2019.json").toString()));
        assertThat(published.status()).as(published.text()).isEqualTo(302);
        assertThat(count()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select published_by || ' ' || version || ' ' || reason from rule_set where organiser_code = :o")
                .param("o", organiser).query(String.class).list()).containsExactly("padmin 1 首年规则");
        Page shown = padmin.get(published.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(shown.html().select(".notice").text()).contains("已发布第1版", organiser, "2025-10-16");
        assertThat(shown.html().select("table.rule-sets tr:contains(" + organiser + ")").text()).contains("流程管理员", "首年规则", "有效");

        WorkbenchSession clerk = WorkbenchSession.signIn(port, "clerk");
        assertThat(clerk.get("/schemes").status()).isEqualTo(403);
        assertThat(clerk.get("/schemes/INPATIENT").status()).isEqualTo(403);
        assertThat(clerk.postFiles("/schemes/INPATIENT/rule-sets", Map.of("organiser", organiser, "effectiveFrom",
                "2026-10-16", "reason", "无权"), "definition", Map.of()).status()).isEqualTo(403);
        assertThat(count()).isEqualTo(before + 1);
    }

    private long count() {
        return jdbc.sql("select count(*) from rule_set").query(Long.class).single();
    }
}
