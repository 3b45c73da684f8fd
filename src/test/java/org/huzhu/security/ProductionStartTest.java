package org.huzhu.security;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.HuzhuProcess;
import org.huzhu.support.RuleSetRequests;
import org.huzhu.support.TestIds;
import org.huzhu.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Production: no demo data. Started as its own JVM, the way it runs (a second Huzhu in the test
 * JVM would unsettle the shared test application's engine), on a throw-away embedded database.
 * Without an initial administrator it refuses to start, saying what to set; with one, that
 * administrator takes an empty database to a paid claim through the API and Camunda Admin
 * alone, as a union does on its first day: no SQL, no demo account.
 */
class ProductionStartTest {

    private static final Duration START = Duration.ofMinutes(3);
    /** Every account of the first day signs in with it: accounts need at least eight characters. */
    private static final String PASSWORD = "Huzhu-first-day-2026";

    /** Under target/, so the app's log stays to be read when the test fails. */
    private final Path home = Path.of("target", "production-start").toAbsolutePath();

    @BeforeEach
    void cleanHome() {
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    @Test
    void withoutAnAdministratorHuzhuRefusesToRun() throws Exception {
        try (HuzhuProcess huzhu = HuzhuProcess.start(HuzhuProcess.freePort(), home.resolve("refused.log"),
                "--spring.profiles.active=prod", "--huzhu.embedded-database.directory=",
                "--camunda.bpm.job-execution.enabled=false", "--logging.file.name=",
                "--huzhu.security.initial-admin.id=", "--huzhu.security.initial-admin.password=")) {
            assertThat(huzhu.process().waitFor(240, TimeUnit.SECONDS)).as("Huzhu exits by itself").isTrue();
            String output = huzhu.output();
            assertThat(huzhu.process().exitValue()).as(output).isNotZero();
            assertThat(output).contains("没有系统管理员", "HUZHU_ADMIN_USER", "HUZHU_ADMIN_PASSWORD");
        }
    }

    /**
     * The order of calls docs/operations.md gives a union's administrator. The simulated bank
     * stands in for the bank's file exchange (every two seconds, so the test does not wait for
     * the day's batch); everything else is as configured in production.
     */
    @Test
    void theFirstAdministratorTakesAnEmptyDatabaseToAPaidClaimThroughTheApiAlone() throws Exception {
        try (HuzhuProcess huzhu = HuzhuProcess.start(HuzhuProcess.freePort(), home.resolve("first-day.log"),
                "--spring.profiles.active=prod", "--huzhu.embedded-database.directory=",
                "--huzhu.embedded-database.durable=false", "--logging.file.name=",
                "--huzhu.payout.directory=" + home.resolve("bank"), "--huzhu.payout.bank=simulator",
                "--huzhu.payout.demo-batch-cycle=0/2 * * * * ?",
                "--huzhu.security.initial-admin.id=chief", "--huzhu.security.initial-admin.password=" + PASSWORD)) {
            huzhu.awaitHealthy(START);
            Api api = huzhu.api(PASSWORD);

            // Empty: the first administrator and nothing else.
            assertThat(require(api.get("chief", "/api/users"), 200).body()).extracting(u -> u.get("id").asText())
                    .containsExactly("chief");
            assertThat(require(api.get("chief", "/api/organisers"), 200).body()).isEmpty();
            assertThat(require(api.get("chief", "/api/agencies"), 200).body()).isEmpty();

            // 1. The organiser and its agency; the agency's groups come with it.
            require(api.post("chief", "/api/organisers", Map.of("code", "ANYANG", "name", "安阳市总工会职工互助保障协会")), 201);
            JsonNode agency = require(api.post("chief", "/api/agencies",
                    Map.of("code", "AY-WF", "name", "文峰区代办点", "organiserCode", "ANYANG")), 201).body();
            assertThat(agency.get("groups")).extracting(JsonNode::asText).containsExactly("clerk-AY-WF", "agency-auditor-AY-WF");

            // 2. Staff accounts through our API ...
            account(api, "wf-clerk", "文峰受理员", "clerk", "AY-WF");
            account(api, "wf-auditor", "文峰审核员", "agency-auditor", "AY-WF");
            account(api, "league-1", "协会审核员", "league-auditor", null);
            account(api, "rules", "规则管理员", "process-admin", null);
            // ... and one in Camunda Admin, which the first administrator can work in.
            WebappSession admin = WebappSession.signIn(huzhu.port(), "chief", PASSWORD, "admin");
            assertThat(admin.enginePost("/user/create", Map.of("profile", Map.of("id", "wf-supervisor", "firstName", "督办",
                    "lastName", "王"), "credentials", Map.of("password", PASSWORD))).status()).isEqualTo(204);
            assertThat(admin.enginePut("/group/" + Role.SUPERVISOR.groupId() + "/members/wf-supervisor", Map.of()).status())
                    .isEqualTo(204);

            // 3. The organiser's rules, by the process admin; the shipped calendar counts the working days.
            LocalDate today = LocalDate.now();
            require(api.post("rules", "/api/schemes/INPATIENT/rule-sets", RuleSetRequests.publication("ANYANG",
                    today.minusYears(1).toString(), "安阳市职工住院医疗互助规则：0-1000元部分30%，1000元以上50%，年度封顶10万元",
                    RuleSetRequests.definition("anyang-inpatient-2019.json"))), 201);
            assertThat(require(api.get("rules", "/api/calendar/due-date?from=" + today + "&workingDays=10"), 200).body()
                    .get("dueDate").isTextual()).isTrue();

            // 4. The clerk registers a unit, a member and the member's enrolment.
            require(api.post("wf-clerk", "/api/units", Map.of("code", "AY-WF-U1", "name", "安阳钢铁厂", "agencyCode", "AY-WF")), 201);
            String member = TestIds.idNumber();
            require(api.post("wf-clerk", "/api/members", Map.of("idNumber", member, "name", "王秀英", "unitCode", "AY-WF-U1",
                    "insuranceType", "EMPLOYEE")), 201);
            require(api.post("wf-clerk", "/api/enrolments", Map.of("memberIdNumber", member, "scheme", "INPATIENT",
                    "validFrom", today.minusYears(1).toString(), "validTo", today.plusYears(1).toString())), 201);

            // 5. The claim, the agency check, the league audit, the payout.
            JsonNode claim = require(api.post("wf-clerk", "/api/claims", ClaimRequests.claim(member, "900.00")), 201).body();
            long id = claim.get("id").asLong();
            assertThat(claim.get("status").asText()).isEqualTo("AGENCY_CHECK");
            require(api.decide("wf-auditor", id, "APPROVE", null), 200);
            require(api.decide("league-1", id, "APPROVE", null), 200);
            api.awaitStatus("wf-clerk", id, "PAID", Duration.ofSeconds(90));

            JsonNode paid = require(api.get("wf-supervisor", "/api/claims/" + id), 200).body();
            assertThat(paid.get("subsidy").asText()).isEqualTo("270.00");
            assertThat(paid.get("slaState").asText()).isEqualTo("MET");
            assertThat(paid.get("payments")).singleElement().satisfies(payment -> {
                assertThat(payment.get("status").asText()).isEqualTo("CONFIRMED");
                assertThat(payment.get("funders")).extracting(f -> f.get("code").asText()).containsExactly("ANYANG");
            });
            assertThat(require(api.get("chief", "/api/audit?actor=chief"), 200).body()).extracting(e -> e.get("action").asText())
                    .contains("ORGANISER_CREATED", "AGENCY_CREATED", "USER_CREATED");
            assertThat(require(api.get("chief", "/api/users"), 200).body())
                    .extracting(u -> u.get("id").asText())
                    .containsExactlyInAnyOrder("chief", "wf-clerk", "wf-auditor", "league-1", "rules", "wf-supervisor");
        }
    }

    private static void account(Api api, String id, String name, String role, String agencyCode) {
        Map<String, Object> account = new HashMap<>(Map.of("id", id, "name", name, "password", PASSWORD,
                "roles", List.of(role)));
        if (agencyCode != null) {
            account.put("agencyCode", agencyCode);
        }
        require(api.post("chief", "/api/users", account), 201);
    }
}
