package org.huzhu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSetDraft;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.huzhu.support.ClaimRequests;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bench's organiser, agencies, staff and in-patient rules (domain services, as the demo
 * does), then units, members and enrolments over the API, and a few claims in every stage.
 */
final class BenchSetup {

    static final String ORGANISER = "BENCH";
    static final String ADMIN = "bench-admin";
    static final String LEAGUE = "bench-league";
    /** Second audits (a member's repeat claim within 90 days) need a league auditor who did not audit. */
    static final String SECOND_LEAGUE = "bench-league-b";
    static final String SUPERVISOR = "bench-supervisor";
    static final List<String> ALL_DOCUMENTS = ClaimRequests.ALL_DOCUMENTS;

    private final ApplicationContext app;
    private final Http http;
    private final int agencyCount;
    private final int membersPerAgency;
    private final List<List<String>> membersByAgency = new ArrayList<>();
    private final Map<Integer, java.util.Queue<String>> claimantsByAgency = new java.util.concurrent.ConcurrentHashMap<>();
    /** Lifecycle claimants' ID numbers start here: after the API's members, before the bulk's. */
    private static final long FIRST_CLAIMANT = 500_000;

    BenchSetup(ApplicationContext app, Http http, int agencyCount, int membersPerAgency) {
        this.app = app;
        this.http = http;
        this.agencyCount = agencyCount;
        this.membersPerAgency = membersPerAgency;
    }

    static String agency(int index) {
        return String.format("BENCH-%02d", index + 1);
    }

    static String clerk(int agencyIndex) {
        return "bench-clerk-" + String.format("%02d", agencyIndex + 1);
    }

    static String auditor(int agencyIndex) {
        return "bench-agency-" + String.format("%02d", agencyIndex + 1);
    }

    int agencyCount() {
        return agencyCount;
    }

    /** A valid resident ID number for the k-th bench person: born from 1970 on, 1,000 per day. */
    static String idNumber(long k) {
        String first17 = "410502" + LocalDate.of(1970, 1, 1).plusDays(k / 1000).toString().replace("-", "")
                + String.format("%03d", k % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    void staffAndRules() throws IOException {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("select count(*) from claim").query(Long.class).single() > 0) {
            throw new IllegalStateException("the bench needs a database without claims: create an empty one");
        }
        OrganisationRegistry organisations = app.getBean(OrganisationRegistry.class);
        IdentityBootstrap identities = app.getBean(IdentityBootstrap.class);
        long organiser = organisations.ensureOrganiser(ORGANISER, "压测市总工会职工互助保障协会");
        identities.ensureUser(ADMIN, "压测", "管理员", Http.PASSWORD,
                List.of(Role.ADMIN.groupId(), Role.PROCESS_ADMIN.groupId()));
        identities.ensureUser(LEAGUE, "压测", "协会审核员", Http.PASSWORD, List.of(Role.LEAGUE_AUDITOR.groupId()));
        identities.ensureUser(SECOND_LEAGUE, "压测", "协会复核员", Http.PASSWORD, List.of(Role.LEAGUE_AUDITOR.groupId()));
        identities.ensureUser(SUPERVISOR, "压测", "督办", Http.PASSWORD, List.of(Role.SUPERVISOR.groupId()));
        for (int i = 0; i < agencyCount; i++) {
            String code = agency(i);
            organisations.ensureAgency(code, "压测代办点" + code, organiser);
            identities.ensureUser(clerk(i), "压测", "受理员", Http.PASSWORD,
                    List.of(Role.CLERK.groupId(), Role.CLERK.atAgency(code)));
            identities.ensureUser(auditor(i), "压测", "代办点审核员", Http.PASSWORD,
                    List.of(Role.AGENCY_AUDITOR.groupId(), Role.AGENCY_AUDITOR.atAgency(code)));
        }
        RuleSets ruleSets = app.getBean(RuleSets.class);
        if (ruleSets.versions("INPATIENT", ORGANISER).isEmpty()) {
            try (InputStream in = new ClassPathResource("rulesets/anyang-inpatient-2019.json").getInputStream()) {
                ruleSets.publish(ruleSets.scheme("INPATIENT").orElseThrow(), new RuleSetDraft(ORGANISER,
                        LocalDate.of(2019, 10, 16), null, "压测：安阳市职工住院医疗互助首年规则",
                        app.getBean(ObjectMapper.class).readValue(in, RuleSetDefinition.class)), ADMIN, Instant.now());
            }
        }
    }

    /** One unit per agency with its members, each enrolled in in-patient aid, over the API. */
    void membersOverApi() {
        long k = 0;
        for (int i = 0; i < agencyCount; i++) {
            String unit = agency(i) + "-U";
            http.post(clerk(i), "/api/units", Map.of("code", unit, "name", "压测单位" + unit, "agencyCode", agency(i)), 201);
            List<String> members = new ArrayList<>();
            for (int m = 0; m < membersPerAgency; m++) {
                String id = idNumber(k++);
                http.post(clerk(i), "/api/members", Map.of("idNumber", id, "name", "压测会员", "unitCode", unit,
                        "insuranceType", "EMPLOYEE"), 201);
                http.post(clerk(i), "/api/enrolments", Map.of("memberIdNumber", id, "scheme", "INPATIENT",
                        "validFrom", "2019-10-16", "validTo", "2030-10-15"), 201);
                members.add(id);
            }
            membersByAgency.add(members);
        }
    }

    /**
     * Members who claim in the lifecycle scenario, a fresh one for every claim: a member's second
     * claim within 90 days takes a second audit (approval-routing.dmn), and the lifecycle is to
     * have the bare process's shape, two audits. Registered and enrolled through the membership
     * service the API calls, to be quick.
     */
    void lifecycleClaimants(int agencies, int perAgency) {
        MembershipRegistry registry = app.getBean(MembershipRegistry.class);
        StaffDirectory directory = app.getBean(StaffDirectory.class);
        long k = FIRST_CLAIMANT;
        for (int i = 0; i < Math.min(agencies, agencyCount); i++) {
            Staff clerk = directory.staff(clerk(i));
            List<String> claimants = new ArrayList<>();
            for (int m = 0; m < perAgency; m++) {
                String id = idNumber(k++);
                registry.addMember(id, "压测申领人", agency(i) + "-U", "EMPLOYEE", clerk);
                registry.enrol(id, "INPATIENT", LocalDate.of(2019, 10, 16), LocalDate.of(2030, 10, 15), clerk);
                claimants.add(id);
            }
            claimantsByAgency.put(i, new java.util.concurrent.ConcurrentLinkedQueue<>(claimants));
        }
    }

    /** A claim of a member who has not claimed before, for the lifecycle scenario. */
    Map<String, Object> firstClaim(int agencyIndex) {
        String member = claimantsByAgency.get(agencyIndex).poll();
        if (member == null) {
            throw new IllegalStateException("the bench has no fresh claimant left at " + agency(agencyIndex));
        }
        Map<String, Object> claim = ClaimRequests.claim(member, "2000.00");
        claim.put("documents", ALL_DOCUMENTS);
        return claim;
    }

    /** Per agency, claims waiting for papers, at the agency check, at the league audit and rejected. */
    void claimsInEveryStage(Lifecycle lifecycle) {
        for (int i = 0; i < agencyCount; i++) {
            List<String> missing = new ArrayList<>(ALL_DOCUMENTS);
            missing.remove("BANK_CARD");
            http.post(clerk(i), "/api/claims", claim(i, 0, missing), 201);
            http.post(clerk(i), "/api/claims", claim(i, 1, ALL_DOCUMENTS), 201);
            long atLeague = http.post(clerk(i), "/api/claims", claim(i, 2, ALL_DOCUMENTS), 201).get("id").asLong();
            lifecycle.decide(auditor(i), atLeague, "AgencyCheck", "APPROVE");
            long rejected = http.post(clerk(i), "/api/claims", claim(i, 3, ALL_DOCUMENTS), 201).get("id").asLong();
            lifecycle.decide(auditor(i), rejected, "AgencyCheck", "REJECT");
        }
    }

    /** A stay of the agency's member with an eligible base of 2,000 yuan: 800 yuan of subsidy, far below the cap. */
    Map<String, Object> claim(int agencyIndex, int memberSlot, List<String> documents) {
        Map<String, Object> claim = ClaimRequests.claim(
                membersByAgency.get(agencyIndex).get(memberSlot % membersPerAgency), "2000.00");
        claim.put("documents", documents);
        return claim;
    }
}
