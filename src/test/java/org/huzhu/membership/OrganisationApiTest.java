package org.huzhu.membership;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.huzhu.audit.AuditEntry;
import org.huzhu.audit.AuditTrail;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.fieldCodes;
import static org.huzhu.support.Api.require;

/**
 * An administrator opens an organiser and its agency through the API; the agency's groups
 * follow, so its staff accounts and its agency check work at once. Bad input is refused field
 * by field and stores nothing; a taken code is a conflict. Who else may call these is in
 * AuthorizationMatrixTest.
 */
@HuzhuIntegrationTest
class OrganisationApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAgencyOpenedThroughTheApiBringsItsGroupsAndTakesStaffAtOnce() {
        Api api = new Api(rest);
        String organiser = TestIds.code("ORG");
        JsonNode created = require(api.post("admin", "/api/organisers",
                Map.of("code", organiser, "name", " 安阳市总工会职工互助保障协会 ")), 201).body();
        assertThat(created.get("name").asText()).isEqualTo("安阳市总工会职工互助保障协会");
        assertThat(require(api.get("admin", "/api/organisers"), 200).body().findValuesAsText("code")).contains(organiser);

        String agency = organiser + "-WF";
        JsonNode opened = require(api.post("admin", "/api/agencies",
                Map.of("code", agency, "name", "文峰区代办点", "organiserCode", organiser)), 201).body();
        assertThat(opened.get("organiserCode").asText()).isEqualTo(organiser);
        assertThat(opened.get("groups")).extracting(JsonNode::asText)
                .containsExactly("clerk-" + agency, "agency-auditor-" + agency);
        assertThat(groupName("clerk-" + agency)).isEqualTo("文峰区代办点受理员");
        assertThat(groupName("agency-auditor-" + agency)).isEqualTo("文峰区代办点代办点审核员");
        assertThat(require(api.get("admin", "/api/agencies?organiser=" + organiser), 200).body())
                .extracting(a -> a.get("code").asText()).containsExactly(agency);
        assertThat(require(api.get("admin", "/api/agencies/" + agency), 200).body().get("name").asText())
                .isEqualTo("文峰区代办点");

        // what answered UNKNOWN_AGENCY before there was a way to open an agency
        String auditor = ("auditor-" + agency).toLowerCase();
        JsonNode account = require(api.post("admin", "/api/users", Map.of("id", auditor, "name", "文峰审核员",
                "password", "a-long-password", "roles", List.of("agency-auditor"), "agencyCode", agency)), 201).body();
        assertThat(account.get("agencies")).extracting(JsonNode::asText).containsExactly(agency);
        assertThat(identityService.createUserQuery().memberOfGroup("agency-auditor-" + agency).list())
                .extracting(u -> u.getId()).containsExactly(auditor);

        assertThat(audit.ofSubject("ORGANISER", organiser)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("admin");
            assertThat(entry.action()).isEqualTo("ORGANISER_CREATED");
        });
        assertThat(audit.ofSubject("AGENCY", agency)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("AGENCY_CREATED");
            assertThat(entry.reason()).contains(organiser, "clerk-" + agency, "agency-auditor-" + agency);
        });
    }

    @Test
    void renamingAnAgencyRenamesItsGroupsAndKeepsItsCode() {
        Api api = new Api(rest);
        String organiser = organiser(api);
        String agency = organiser + "-A";
        require(api.post("admin", "/api/agencies", Map.of("code", agency, "name", "旧名代办点", "organiserCode", organiser)), 201);

        JsonNode renamed = require(api.exchange("admin", HttpMethod.PUT, "/api/agencies/" + agency,
                Map.of("name", "新名代办点", "code", "IGNORED")), 200).body();
        assertThat(renamed.get("code").asText()).isEqualTo(agency);
        assertThat(renamed.get("name").asText()).isEqualTo("新名代办点");
        assertThat(groupName("agency-auditor-" + agency)).isEqualTo("新名代办点代办点审核员");
        assertThat(audit.ofSubject("AGENCY", agency)).extracting(AuditEntry::action)
                .containsExactly("AGENCY_CREATED", "AGENCY_RENAMED");

        require(api.exchange("admin", HttpMethod.PUT, "/api/organisers/" + organiser, Map.of("name", "新名总工会")), 200);
        assertThat(require(api.get("admin", "/api/organisers/" + organiser), 200).body().get("name").asText())
                .isEqualTo("新名总工会");
        assertThat(audit.ofSubject("ORGANISER", organiser)).extracting(AuditEntry::action)
                .containsExactly("ORGANISER_CREATED", "ORGANISER_RENAMED");

        assertThat(require(api.exchange("admin", HttpMethod.PUT, "/api/agencies/NO-SUCH-AGENCY", Map.of("name", "某代办点")),
                404).body().get("code").asText()).isEqualTo("AGENCY_NOT_FOUND");
        assertThat(require(api.exchange("admin", HttpMethod.PUT, "/api/organisers/NO-SUCH-ORG", Map.of("name", "某总工会")),
                404).body().get("code").asText()).isEqualTo("ORGANISER_NOT_FOUND");
        assertThat(fieldCodes(require(api.exchange("admin", HttpMethod.PUT, "/api/agencies/" + agency,
                Map.of("name", "@新名")), 400))).containsExactly("name:FORMULA_LIKE");
        assertThat(require(api.get("admin", "/api/agencies/" + agency), 200).body().get("name").asText())
                .isEqualTo("新名代办点");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndATakenCodeIsAConflictNothingStored() {
        Api api = new Api(rest);
        String organiser = organiser(api);
        Map<String, Long> before = rows();

        assertThat(fieldCodes(require(api.post("admin", "/api/organisers", Map.of()), 400)))
                .containsExactly("code:REQUIRED", "name:REQUIRED");
        for (String code : List.of("-ORG", "带中文", "A B", "A_B", "X".repeat(33))) {
            assertThat(fieldCodes(require(api.post("admin", "/api/organisers", Map.of("code", code, "name", "某总工会")), 400)))
                    .as(code).containsExactly("code:INVALID_FORMAT");
        }
        assertThat(fieldCodes(require(api.post("admin", "/api/organisers",
                Map.of("code", "OK-1", "name", "长".repeat(101))), 400))).containsExactly("name:TOO_LONG");
        assertThat(fieldCodes(require(api.post("admin", "/api/organisers",
                Map.of("code", "OK-1", "name", "=总工会")), 400))).containsExactly("name:FORMULA_LIKE");
        assertThat(fieldCodes(require(api.post("admin", "/api/organisers",
                Map.of("code", "OK-1", "name", "总工会\n协会")), 400))).containsExactly("name:LINE_BREAK");
        assertThat(fieldCodes(require(api.post("admin", "/api/organisers",
                Map.of("code", "OK-1", "name", "总工\u202e会")), 400))).containsExactly("name:INVISIBLE_CHARACTERS");

        assertThat(fieldCodes(require(api.post("admin", "/api/agencies", Map.of()), 400)))
                .containsExactly("code:REQUIRED", "name:REQUIRED", "organiserCode:REQUIRED");
        assertThat(fieldCodes(require(api.post("admin", "/api/agencies",
                Map.of("code", "OK-1", "name", "某代办点", "organiserCode", "NO-SUCH-ORG")), 400)))
                .containsExactly("organiserCode:UNKNOWN_ORGANISER");
        assertThat(fieldCodes(require(api.post("admin", "/api/agencies",
                Map.of("code", "+1", "name", "-代办点", "organiserCode", " ")), 400)))
                .containsExactly("code:INVALID_FORMAT", "name:FORMULA_LIKE", "organiserCode:REQUIRED");

        assertThat(require(api.post("admin", "/api/organisers", Map.of("code", organiser, "name", "另一个总工会")), 409)
                .body().get("code").asText()).isEqualTo("DUPLICATE_CODE");
        assertThat(require(api.post("admin", "/api/agencies",
                Map.of("code", "DEMO-A", "name", "另一个代办点", "organiserCode", organiser)), 409)
                .body().get("code").asText()).isEqualTo("DUPLICATE_CODE");
        assertThat(require(api.get("admin", "/api/agencies/DEMO-A"), 200).body().get("organiserCode").asText())
                .isEqualTo("DEMO");
        assertThat(groupName("agency-auditor-DEMO-A")).isEqualTo("演示代办点A代办点审核员");

        assertThat(rows()).isEqualTo(before);
    }

    private static String organiser(Api api) {
        String code = TestIds.code("ORG");
        require(api.post("admin", "/api/organisers", Map.of("code", code, "name", "测试总工会" + code)), 201);
        return code;
    }

    private String groupName(String id) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        assertThat(group).as("group " + id).isNotNull();
        return group.getName();
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("organiser", "agency", "audit_event")) {
            counts.put(table, jdbc.sql("select count(*) from huzhu." + table).query(Long.class).single());
        }
        counts.put("groups", identityService.createGroupQuery().count());
        return counts;
    }
}
