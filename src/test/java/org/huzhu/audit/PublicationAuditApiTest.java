package org.huzhu.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestIds;
import org.huzhu.support.TestOrganisers;
import org.huzhu.support.TestSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/** Publishing a calendar or a rule set leaves one audit-trail entry: who, what and which version. */
@HuzhuIntegrationTest
class PublicationAuditApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    OrganisationRegistry organisations;
    @Autowired
    IdentityBootstrap identities;

    Api api;
    String processAdmin;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        processAdmin = "publisher-" + TestIds.code("u");
        identities.ensureUser(processAdmin, "发布", "管理员", "demo", List.of("process-admin"));
    }

    @Test
    void aRuleSetPublicationIsRecordedWithSchemeOrganiserAndVersion() {
        String organiser = TestOrganisers.create(organisations, identities);
        JsonNode first = require(api.post(processAdmin, "/api/schemes/INPATIENT/rule-sets", RuleSetRequests.publication(
                organiser, "2026-10-16", "首年规则", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 201).body();
        JsonNode second = require(api.post(processAdmin, "/api/schemes/INPATIENT/rule-sets", RuleSetRequests.publication(
                organiser, "2027-10-16", "次年规则", RuleSetRequests.definition("inpatient-next-year-example.json"))), 201).body();
        // refused: no reason; leaves no entry
        require(api.post(processAdmin, "/api/schemes/INPATIENT/rule-sets", RuleSetRequests.publication(
                organiser, "2028-10-16", " ", RuleSetRequests.definition("anyang-inpatient-2019.json"))), 400);

        List<String> entries = entries("admin", processAdmin, "RULE_SET_PUBLISHED");
        assertThat(entries).containsExactly(
                "RULE_SET:" + second.get("id").asLong() + ":INPATIENT（主办单位 " + organiser
                        + "）第2版，自2027-10-16起；原第1版止于2027-10-15",
                "RULE_SET:" + first.get("id").asLong() + ":INPATIENT（主办单位 " + organiser + "）第1版，自2026-10-16起");
    }

    @Test
    void aCalendarPublicationIsRecordedWithYearAndVersion() {
        int year = 2090 + TestSeed.pick("calendar-year", 9);
        Map<String, Object> calendar = Map.of("notice", "国办发明电（测试）", "days", List.of(
                Map.of("date", year + "-01-01", "name", "元旦", "isOffDay", true),
                Map.of("date", year + "-10-01", "name", "国庆节", "isOffDay", true)));
        JsonNode published = require(api.exchange(processAdmin, HttpMethod.PUT, "/api/calendar/" + year, calendar), 200).body();
        require(api.exchange(processAdmin, HttpMethod.PUT, "/api/calendar/" + year, Map.of("days", List.of())), 400);

        List<String> entries = entries(processAdmin, processAdmin, "CALENDAR_PUBLISHED");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).startsWith("CALENDAR:" + year + ":" + year + "年工作日历第"
                + published.get("version").asInt() + "版（放假2天，调休上班0天）；").endsWith("件在办申请的期限已重算");
    }

    /** The actor's entries of one action, newest first, as {@code type:subject:reason}. */
    private List<String> entries(String reader, String actor, String action) {
        List<String> found = new ArrayList<>();
        for (JsonNode entry : require(api.get(reader, "/api/audit?actor=" + actor), 200).body()) {
            if (entry.get("action").asText().equals(action)) {
                found.add(entry.get("subjectType").asText() + ":" + entry.get("subjectId").asText() + ":"
                        + entry.get("reason").asText());
            }
        }
        return found;
    }
}
