package org.huzhu.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.huzhu.support.WebappSession;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimRequests;
import org.huzhu.support.EngineTime;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.MemberSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.huzhu.support.Api.require;

/**
 * Every role against every endpoint of ours (read from the application's request mappings, so a
 * new one cannot be forgotten) and a sample of /engine-rest: the allowed get past security to
 * the handler (bodies are left invalid where a call would change something, so they answer 400;
 * a 404 is a failure, not a pass), the others get 403, and nobody gets in anonymously.
 */
@HuzhuIntegrationTest
class AuthorizationMatrixTest {

    static final List<String> USERS = List.of("clerk", "agency", "agency-b", "league", "head", "committee",
            "supervisor", "finance", "padmin", "admin");
    /** Finance works in the workbench only: Camunda's webapps refuse to sign them in. */
    static final Set<String> WITHOUT_TASKLIST = Set.of("finance");
    static final Set<String> EVERYONE = Set.copyOf(USERS);
    static final Set<String> READ_CLAIM_A = Set.of("clerk", "agency", "league", "head", "committee", "supervisor", "admin");
    /** The claims list: everyone who reads claims, each their own agency's or all. */
    static final Set<String> LIST_CLAIMS = Set.of("clerk", "agency", "agency-b", "league", "head", "committee",
            "supervisor", "admin");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityBootstrap identities;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Call(HttpMethod method, String path, Object body, Set<String> allowed, boolean page) {

        Call(HttpMethod method, String path, Object body, Set<String> allowed) {
            this(method, path, body, allowed, false);
        }
    }

    /**
     * A request to one of our mappings: its path with the variables filled in, a body, who may;
     * a page of the workbench is called with a signed-in session (and its form's CSRF token).
     */
    record Entry(String path, Object body, Set<String> allowed, boolean page) {
    }

    static Entry get(String path, Set<String> allowed) {
        return new Entry(path, null, allowed, false);
    }

    static Entry write(String path, Object body, Set<String> allowed) {
        return new Entry(path, body, allowed, false);
    }

    /** A workbench page. */
    static Entry page(String path, Set<String> allowed) {
        return new Entry(path, null, allowed, true);
    }

    /** A workbench form's action: its fields are left invalid where sending them would change something. */
    static Entry form(String path, Map<String, String> fields, Set<String> allowed) {
        return new Entry(path, fields, allowed, true);
    }

    /**
     * Every endpoint and page of ours, keyed as the application maps it ("POST /api/claims"): a
     * mapping without a row here fails the test, and so does a row whose mapping is gone.
     */
    static Map<String, Entry> matrix(long claim, String task, String year, String version, long member) {
        Set<String> clerks = Set.of("clerk", "admin");
        Set<String> processAdmins = Set.of("padmin", "admin");
        Set<String> supervisors = Set.of("supervisor", "admin");
        Set<String> financeReaders = Set.of("finance", "supervisor", "admin");
        Set<String> financeRecorders = Set.of("finance", "admin");
        Set<String> admins = Set.of("admin");
        String claimPath = "/api/claims/" + claim;
        String taskPath = "/api/tasks/" + task;
        String memberPage = "/intake/members/" + member;
        String intake = "/intake/claims/" + claim;
        String claimPage = "/claims/" + claim + "/tasks/" + task;
        return Map.ofEntries(
                Map.entry("GET /", page("/", EVERYONE)),
                Map.entry("GET /claims/{id}", page("/claims/" + claim, READ_CLAIM_A)),
                Map.entry("GET /claims", page("/claims", LIST_CLAIMS)),
                Map.entry("GET /claims/export/{format:xlsx|csv}", page("/claims/export/csv", LIST_CLAIMS)),
                Map.entry("GET /claims/{id}/viewer", page("/claims/" + claim + "/viewer", READ_CLAIM_A)),
                Map.entry("POST /claims/{id}/reviews", form("/claims/" + claim + "/reviews", Map.of(), clerks)),
                Map.entry("POST /claims/{id}/personal-data", form("/claims/" + claim + "/personal-data", Map.of(),
                        Set.of("clerk", "agency", "league", "head", "admin"))),
                Map.entry("GET /tasks", page("/tasks", EVERYONE)),
                Map.entry("POST /claims/{claimId}/tasks/{taskId}/claim", form(claimPage + "/claim", Map.of(), Set.of("agency"))),
                Map.entry("POST /claims/{claimId}/tasks/{taskId}/release", form(claimPage + "/release", Map.of(),
                        Set.of("agency", "supervisor", "admin"))),
                Map.entry("POST /claims/{claimId}/tasks/{taskId}/decision", form(claimPage + "/decision",
                        Map.of("outcome", "MAYBE"), Set.of("agency"))),
                Map.entry("POST /claims/{claimId}/tasks/{taskId}/assignee", form(claimPage + "/assignee", Map.of(),
                        supervisors)),
                Map.entry("GET /intake/members", page("/intake/members", clerks)),
                Map.entry("POST /intake/members", form("/intake/members", Map.of("q", "张"), clerks)),
                Map.entry("GET /intake/members/{id}", page(memberPage, clerks)),
                Map.entry("GET /intake/members/new", page("/intake/members/new", clerks)),
                Map.entry("POST /intake/members/new", form("/intake/members/new", Map.of(), clerks)),
                Map.entry("POST /intake/members/{id}/mobile", form(memberPage + "/mobile", Map.of("mobile", "12"), clerks)),
                Map.entry("GET /intake/members/{id}/enrolments/new", page(memberPage + "/enrolments/new", clerks)),
                Map.entry("POST /intake/members/{id}/enrolments/new", form(memberPage + "/enrolments/new", Map.of(), clerks)),
                Map.entry("GET /intake/units/new", page("/intake/units/new", clerks)),
                Map.entry("POST /intake/units/new", form("/intake/units/new", Map.of(), clerks)),
                Map.entry("GET /intake/enrolment-import", page("/intake/enrolment-import", clerks)),
                Map.entry("POST /intake/enrolment-import", form("/intake/enrolment-import", Map.of(), clerks)),
                Map.entry("GET /intake/enrolment-import/template.{format}", page("/intake/enrolment-import/template.xlsx", clerks)),
                Map.entry("GET /intake/enrolment-import/{id}/refused.csv",
                        page("/intake/enrolment-import/999999999/refused.csv", clerks)),
                Map.entry("GET /intake/claims/new", page("/intake/claims/new", clerks)),
                Map.entry("POST /intake/claims/new/member", form("/intake/claims/new/member", Map.of(), clerks)),
                Map.entry("POST /intake/claims/new/preview", form("/intake/claims/new/preview", Map.of(), clerks)),
                Map.entry("GET /intake/claims/new/invoice-row", page("/intake/claims/new/invoice-row", clerks)),
                Map.entry("POST /intake/claims/new", form("/intake/claims/new", Map.of("action", "submit"), clerks)),
                Map.entry("POST /intake/claims/new/papers", form("/intake/claims/new/papers", Map.of(), clerks)),
                Map.entry("POST /intake/claims/new/papers/{paperId}/remove",
                        form("/intake/claims/new/papers/1/remove", Map.of(), clerks)),
                Map.entry("GET /intake/claims/{id}/receipt", page(intake + "/receipt", clerks)),
                Map.entry("GET /intake/supplements", page("/intake/supplements", clerks)),
                Map.entry("GET /intake/supplements/{format:xlsx|csv}", page("/intake/supplements/csv", clerks)),
                Map.entry("GET /intake/claims/{id}/supplements", page(intake + "/supplements", clerks)),
                Map.entry("POST /intake/claims/{id}/supplements", form(intake + "/supplements", Map.of(), clerks)),
                Map.entry("POST /intake/claims/{id}/papers", form(intake + "/papers", Map.of(), clerks)),
                Map.entry("GET /intake/account-fixes", page("/intake/account-fixes", clerks)),
                Map.entry("GET /intake/account-fixes/{format:xlsx|csv}", page("/intake/account-fixes/csv", clerks)),
                Map.entry("GET /intake/claims/{id}/bank-account", page(intake + "/bank-account", clerks)),
                Map.entry("POST /intake/claims/{id}/bank-account", form(intake + "/bank-account", Map.of(), clerks)),
                Map.entry("POST /api/claims", write("/api/claims", Map.of(), clerks)),
                Map.entry("GET /api/claims/{id}", get(claimPath, READ_CLAIM_A)),
                Map.entry("GET /api/claims", get("/api/claims", LIST_CLAIMS)),
                Map.entry("GET /api/claims/{id}/audit", get(claimPath + "/audit", READ_CLAIM_A)),
                Map.entry("GET /api/claims/{id}/personal-data", get(claimPath + "/personal-data",
                        Set.of("clerk", "agency", "league", "head", "admin"))),
                Map.entry("POST /api/claims/{id}/supplements", write(claimPath + "/supplements",
                        Map.of("documents", List.of()), clerks)),
                Map.entry("POST /api/claims/{id}/bank-account", write(claimPath + "/bank-account", Map.of(), clerks)),
                // claim A is not rejected: the clerks reach the handler's refusal of a review without a reason
                Map.entry("POST /api/claims/{id}/reviews", write(claimPath + "/reviews", Map.of(), clerks)),
                Map.entry("GET /api/claims/{id}/reviews", get(claimPath + "/reviews", READ_CLAIM_A)),
                Map.entry("POST /api/claims/{id}/papers", write(claimPath + "/papers", Map.of(), clerks)),
                Map.entry("GET /api/claims/{id}/papers", get(claimPath + "/papers", READ_CLAIM_A)),
                // no such file: the allowed reach the handler's own 404, the others are refused before
                Map.entry("GET /api/claims/{id}/papers/{paperId}/content", get(claimPath + "/papers/0/content",
                        READ_CLAIM_A)),
                Map.entry("GET /api/claims/{id}/papers/{paperId}/thumbnail", get(claimPath + "/papers/0/thumbnail",
                        READ_CLAIM_A)),
                Map.entry("GET /api/claims/{id}/papers/{paperId}/pages/{number}", get(claimPath + "/papers/0/pages/1",
                        READ_CLAIM_A)),
                Map.entry("POST /api/subsidy/quote", write("/api/subsidy/quote", Map.of(),
                        Set.of("clerk", "agency", "agency-b", "league", "head", "admin"))),
                Map.entry("GET /api/tasks", get("/api/tasks", EVERYONE)),
                Map.entry("GET /api/tasks/{format:xlsx|csv}", get("/api/tasks/csv", EVERYONE)),
                Map.entry("POST /api/tasks/{taskId}/claim", write(taskPath + "/claim", null, Set.of("agency"))),
                Map.entry("POST /api/tasks/{taskId}/release", write(taskPath + "/release", null,
                        Set.of("agency", "supervisor", "admin"))),
                Map.entry("POST /api/tasks/{taskId}/decision", write(taskPath + "/decision",
                        Map.of("outcome", "MAYBE"), Set.of("agency"))),
                Map.entry("POST /api/tasks/{taskId}/assignee", write(taskPath + "/assignee", Map.of(), supervisors)),
                Map.entry("POST /api/units", write("/api/units", Map.of(), clerks)),
                Map.entry("GET /api/units/{code}", get("/api/units/DEMO-U1",
                        Set.of("clerk", "agency", "league", "head", "supervisor", "admin"))),
                Map.entry("GET /api/units/{code}/members", get("/api/units/DEMO-U1/members",
                        Set.of("clerk", "agency", "league", "head", "supervisor", "admin"))),
                Map.entry("POST /api/members", write("/api/members", Map.of(), clerks)),
                Map.entry("PUT /api/members/{id}/mobile", write("/api/members/" + member + "/mobile",
                        Map.of("mobile", "12"), clerks)),
                Map.entry("POST /api/enrolments", write("/api/enrolments", Map.of(), clerks)),
                Map.entry("GET /api/users", get("/api/users", admins)),
                Map.entry("POST /api/users", write("/api/users", Map.of(), admins)),
                Map.entry("GET /api/users/me", get("/api/users/me", EVERYONE)),
                Map.entry("GET /api/organisers", get("/api/organisers", admins)),
                Map.entry("GET /api/organisers/{code}", get("/api/organisers/DEMO", admins)),
                Map.entry("POST /api/organisers", write("/api/organisers", Map.of(), admins)),
                Map.entry("PUT /api/organisers/{code}", write("/api/organisers/DEMO", Map.of(), admins)),
                Map.entry("GET /api/agencies", get("/api/agencies", admins)),
                Map.entry("GET /api/agencies/{code}", get("/api/agencies/DEMO-A", admins)),
                Map.entry("POST /api/agencies", write("/api/agencies", Map.of(), admins)),
                Map.entry("PUT /api/agencies/{code}", write("/api/agencies/DEMO-A", Map.of(), admins)),
                Map.entry("PUT /api/users/{id}/roles", write("/api/users/clerk/roles", Map.of(), admins)),
                Map.entry("POST /api/users/{id}/password", write("/api/users/clerk/password", Map.of(), admins)),
                Map.entry("GET /api/audit", get("/api/audit?actor=clerk", Set.of("clerk", "supervisor", "admin"))),
                Map.entry("GET /api/schemes", get("/api/schemes", processAdmins)),
                Map.entry("GET /api/schemes/{scheme}/rule-sets", get("/api/schemes/INPATIENT/rule-sets", processAdmins)),
                Map.entry("GET /api/schemes/{scheme}/rule-sets/{id}", get("/api/schemes/INPATIENT/rule-sets/0", processAdmins)),
                Map.entry("POST /api/schemes/{scheme}/rule-sets", write("/api/schemes/INPATIENT/rule-sets", Map.of(),
                        processAdmins)),
                Map.entry("GET /api/calendar/{year}", get("/api/calendar/" + year, EVERYONE)),
                Map.entry("PUT /api/calendar/{year}", write("/api/calendar/" + year, Map.of(), processAdmins)),
                Map.entry("GET /api/calendar/due-date", get("/api/calendar/due-date?from=" + year + "-12-01&workingDays=10",
                        EVERYONE)),
                Map.entry("GET /api/sla/overview", get("/api/sla/overview", supervisors)),
                Map.entry("GET /api/sla/claims", get("/api/sla/claims?state=BREACHED", supervisors)),
                Map.entry("GET /api/sla/open-claims", get("/api/sla/open-claims", supervisors)),
                Map.entry("GET /api/sla/xlsx", get("/api/sla/xlsx", supervisors)),
                Map.entry("GET /api/sla/csv", get("/api/sla/csv?view=open-claims", supervisors)),
                Map.entry("GET /api/sla/compliance/agencies", get("/api/sla/compliance/agencies", supervisors)),
                Map.entry("GET /api/sla/compliance/months", get("/api/sla/compliance/months", supervisors)),
                Map.entry("GET /api/statistics/summary", get("/api/statistics/summary?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/agencies", get("/api/statistics/agencies?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/units", get("/api/statistics/units?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/months", get("/api/statistics/months?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/rejections", get("/api/statistics/rejections?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/large-payouts", get("/api/statistics/large-payouts?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/diagnosis-groups", get("/api/statistics/diagnosis-groups?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/funders", get("/api/statistics/funders?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/xlsx", get("/api/statistics/xlsx?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /api/statistics/csv", get("/api/statistics/csv?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /statistics", page("/statistics?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /statistics/xlsx", page("/statistics/xlsx?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /statistics/csv", page("/statistics/csv?scheme=INPATIENT&year=" + year, supervisors)),
                Map.entry("GET /sla", page("/sla", supervisors)),
                Map.entry("GET /sla/", page("/sla/", supervisors)),
                Map.entry("POST /api/fund/contributions", write("/api/fund/contributions", Map.of(), financeRecorders)),
                Map.entry("GET /api/fund/balance", get("/api/fund/balance?scheme=INPATIENT&schemeYear=2025", financeReaders)),
                Map.entry("GET /api/payout/reconciliation", get("/api/payout/reconciliation?day=" + year + "-12-01",
                        financeReaders)),
                Map.entry("GET /api/payout/batches/{id}/reconciliation", get("/api/payout/batches/0/reconciliation",
                        financeReaders)),
                Map.entry("GET /finance/batches", page("/finance/batches", financeReaders)),
                Map.entry("GET /finance/batches/{id}", page("/finance/batches/0", financeReaders)),
                Map.entry("GET /finance/instructions", page("/finance/instructions?status=RETURNED", financeReaders)),
                Map.entry("GET /finance/returns", page("/finance/returns", financeReaders)),
                Map.entry("GET /finance/returns/{format:xlsx|csv}", page("/finance/returns/csv", financeReaders)),
                Map.entry("GET /finance/instructions/{format:xlsx|csv}", page("/finance/instructions/xlsx?status=RETURNED",
                        financeReaders)),
                Map.entry("GET /finance/batches/{id}/{format:xlsx|csv}", page("/finance/batches/0/csv", financeReaders)),
                Map.entry("GET /finance/reconciliation", page("/finance/reconciliation?day=" + year + "-12-01",
                        financeReaders)),
                Map.entry("GET /finance/reconciliation/csv", page("/finance/reconciliation/csv?day=" + year + "-12-01",
                        financeReaders)),
                Map.entry("GET /finance/fund", page("/finance/fund", financeReaders)),
                Map.entry("GET /finance/contributions", page("/finance/contributions", financeReaders)),
                Map.entry("GET /finance/contributions/{id}/receipt", page("/finance/contributions/0/receipt", financeReaders)),
                Map.entry("POST /finance/contributions", form("/finance/contributions",
                        Map.of("kind", "UNIT", "scheme", "INPATIENT", "members", "0"), financeRecorders)),
                Map.entry("GET /admin/mailbox", page("/admin/mailbox", admins)),
                Map.entry("GET /system/accounts", page("/system/accounts", admins)),
                Map.entry("GET /system/accounts/new", page("/system/accounts/new", admins)),
                Map.entry("POST /system/accounts", form("/system/accounts", Map.of("id", "Not Valid"), admins)),
                Map.entry("GET /system/accounts/{id}", page("/system/accounts/clerk", admins)),
                Map.entry("POST /system/accounts/{id}/roles", form("/system/accounts/clerk/roles", Map.of(), admins)),
                Map.entry("POST /system/accounts/{id}/stop", form("/system/accounts/clerk/stop", Map.of("reason", " "), admins)),
                Map.entry("POST /system/accounts/{id}/start", form("/system/accounts/clerk/start", Map.of(), admins)),
                Map.entry("POST /system/accounts/{id}/mobile", form("/system/accounts/clerk/mobile",
                        Map.of("mobile", "12"), admins)),
                Map.entry("POST /system/accounts/{id}/password", form("/system/accounts/clerk/password",
                        Map.of("password", "short"), admins)),
                Map.entry("GET /api/admin/deployments", get("/api/admin/deployments", processAdmins)),
                Map.entry("POST /api/admin/deployments", write("/api/admin/deployments", emptyForm(), processAdmins)),
                Map.entry("POST /api/admin/deployments/dry-run", write("/api/admin/deployments/dry-run", emptyForm(),
                        processAdmins)),
                Map.entry("GET /api/admin/simulated-bank/closed-accounts",
                        get("/api/admin/simulated-bank/closed-accounts", admins)),
                Map.entry("POST /api/admin/simulated-bank/accounts/close",
                        write("/api/admin/simulated-bank/accounts/close", Map.of(), admins)),
                Map.entry("POST /api/admin/simulated-bank/accounts/reopen",
                        write("/api/admin/simulated-bank/accounts/reopen", Map.of(), admins)),
                Map.entry("GET /schemes", page("/schemes", processAdmins)),
                Map.entry("GET /schemes/{scheme}", page("/schemes/INPATIENT", processAdmins)),
                Map.entry("POST /schemes/{scheme}/rule-sets", form("/schemes/INPATIENT/rule-sets",
                        Map.of("effectiveFrom", "not-a-date"), processAdmins)),
                Map.entry("GET /schemes/{scheme}/rule-sets/new", page("/schemes/INPATIENT/rule-sets/new", processAdmins)),
                Map.entry("POST /schemes/{scheme}/rule-sets/new", form("/schemes/INPATIENT/rule-sets/new",
                        Map.of("action", "publish", "effectiveFrom", "not-a-date"), processAdmins)),
                Map.entry("GET /calendar", page("/calendar", processAdmins)),
                Map.entry("GET /calendar/{year}", page("/calendar/" + year, processAdmins)),
                Map.entry("GET /calendar/{year}/publication", page("/calendar/" + year + "/publication", processAdmins)),
                Map.entry("POST /calendar/{year}/publication", form("/calendar/" + year + "/publication",
                        Map.of("days", "not-a-date", "action", "publish"), processAdmins)),
                Map.entry("GET /revisions", page("/revisions", processAdmins)),
                Map.entry("POST /revisions/dry-run", form("/revisions/dry-run", Map.of("sample", "0"), processAdmins)),
                Map.entry("POST /revisions/deploy", form("/revisions/deploy", Map.of("staged", "none"), processAdmins)),
                Map.entry("GET /revisions/versions/{id}", page("/revisions/versions/" + version, processAdmins)),
                Map.entry("POST /revisions/versions/{id}/migration", form("/revisions/versions/" + version + "/migration",
                        Map.of(), processAdmins)),
                Map.entry("GET /api/admin/process-versions", get("/api/admin/process-versions", processAdmins)),
                Map.entry("POST /api/admin/migrations", write("/api/admin/migrations",
                        Map.of("processKey", "no-such-process"), processAdmins)));
    }

    /**
     * The members' own pages (线上快办, /m/): a row says whether the page is open to anyone (the
     * sign-in) and the fields a form sends; files go as multipart. Fields are left invalid where
     * sending them would change something (a code request with a malformed ID number is not counted).
     */
    record MemberEntry(String path, Map<String, String> fields, boolean open, boolean multipart) {
    }

    static Map<String, MemberEntry> memberMatrix(long claim) {
        String claimPath = "/m/claims/" + claim;
        return Map.ofEntries(
                Map.entry("GET /m/login", new MemberEntry("/m/login", null, true, false)),
                Map.entry("POST /m/login/code", new MemberEntry("/m/login/code", Map.of("idNumber", "12"), true, false)),
                Map.entry("POST /m/login", new MemberEntry("/m/login", Map.of("idNumber", "12", "code", "x"), true, false)),
                Map.entry("GET /m/", new MemberEntry("/m/", null, false, false)),
                Map.entry("GET /m/quote", new MemberEntry("/m/quote", null, false, false)),
                Map.entry("POST /m/quote", new MemberEntry("/m/quote", Map.of("scheme", ""), false, false)),
                Map.entry("GET /m/claims/new", new MemberEntry("/m/claims/new", null, false, false)),
                Map.entry("POST /m/claims/new", new MemberEntry("/m/claims/new", Map.of("scheme", ""), false, true)),
                Map.entry("GET /m/claims/{id}", new MemberEntry(claimPath, null, false, false)),
                Map.entry("GET /m/claims/{id}/receipt", new MemberEntry(claimPath + "/receipt", null, false, false)),
                Map.entry("POST /m/claims/{id}/papers", new MemberEntry(claimPath + "/papers", Map.of(), false, true)),
                // without a reason: refused at the field, nothing stored
                Map.entry("POST /m/claims/{id}/review", new MemberEntry(claimPath + "/review", Map.of("reason", ""), false, true)));
    }

    /**
     * The member role: a member session reaches its own pages and no staff page or API; another
     * member's claim is not found; staff sessions are no member sessions (sent to /m/login), and
     * nobody gets in anonymously but to the sign-in.
     */
    @Test
    void membersReachOnlyTheirOwnPagesAndStaffNoneOfThem() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        String ownerId = memberWithMobile(api, "13800990001");
        String otherId = memberWithMobile(api, "13800990002");
        Map<String, Object> request = new java.util.HashMap<>(ClaimRequests.claim(ownerId, "900.00"));
        long claim = require(api.post("clerk", "/api/claims", request), 201).body().get("id").asLong();
        WorkbenchSession owner = MemberSignIn.signIn(port, jdbc, ownerId);
        WorkbenchSession other = MemberSignIn.signIn(port, jdbc, otherId);
        Map<String, WorkbenchSession> staff = new TreeMap<>();
        USERS.forEach(user -> staff.put(user, WorkbenchSession.signIn(port, user)));
        List<String> wrong = new ArrayList<>();

        new TreeMap<>(memberMatrix(claim)).forEach((key, row) -> {
            WorkbenchSession.Page anonymous = send(MemberSignIn.anonymous(port), row);
            if (row.open() ? anonymous.status() >= 500 || anonymous.status() == 403 || anonymous.status() == 302
                    : anonymous.status() != 302 || !anonymous.location().endsWith("/m/login")) {
                wrong.add("anonymous " + key + " -> " + anonymous.status());
            }
            staff.forEach((user, session) -> {
                session.get("/m/login");
                WorkbenchSession.Page answer = send(session, row);
                if (!row.open() && (answer.status() != 302 || !answer.location().endsWith("/m/login"))) {
                    wrong.add(user + " " + key + " -> " + answer.status() + " (should be sent to /m/login)");
                }
            });
            owner.get("/m/");
            WorkbenchSession.Page own = send(owner, row);
            if (own.status() >= 500 || own.status() == 403 || own.status() == 404 || own.status() == 405
                    || (own.status() == 302 && own.location().endsWith("/login"))) {
                wrong.add("member " + key + " -> " + own.status() + " (should be allowed)");
            }
            if (key.contains("{id}")) {
                other.get("/m/");
                int theirs = send(other, row).status();
                if (theirs != 404) {
                    wrong.add("another member " + key + " -> " + theirs + " (should be 404)");
                }
            }
            if (row.fields() != null && !row.open()) {
                int forged = row.multipart() ? owner.postBytesWithoutToken(row.path(), row.fields(), "paper.ID_CARD").status()
                        : owner.postWithoutToken(row.path(), row.fields()).status();
                if (forged != 403) {
                    wrong.add("member " + key + " without the CSRF token -> " + forged);
                }
            }
        });
        // a member session opens no staff page and no API
        Map<String, Entry> matrix = matrix(claim, api.taskOf("agency", claim), Integer.toString(EngineTime.today().getYear()),
                repository.createProcessDefinitionQuery().processDefinitionKey("claim-lifecycle").latestVersion()
                        .singleResult().getId(), 0);
        new TreeMap<>(matrix).forEach((key, entry) -> {
            String method = key.substring(0, key.indexOf(' '));
            if (entry.page()) {
                owner.get("/m/");
                @SuppressWarnings("unchecked")
                WorkbenchSession.Page answer = method.equals("POST")
                        ? owner.post(entry.path(), (Map<String, String>) entry.body()) : owner.get(entry.path());
                if (answer.status() != 302 || !answer.location().endsWith("/login") || answer.location().endsWith("/m/login")) {
                    wrong.add("member " + key + " -> " + answer.status() + " (should be sent to /login)");
                }
            } else {
                int answer = owner.api(method, entry.path(), entry.body() == null ? null : "{}").status();
                if (answer != 401) {
                    wrong.add("member " + key + " -> " + answer + " (should be 401)");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static WorkbenchSession.Page send(WorkbenchSession session, MemberEntry row) {
        if (row.fields() == null) {
            return session.get(row.path());
        }
        return row.multipart() ? session.postBytes(row.path(), row.fields(), "paper.ID_CARD", Map.of())
                : session.post(row.path(), row.fields());
    }

    private String memberWithMobile(Api api, String mobile) {
        String id = api.enrolledMember();
        long member = jdbc.sql("select id from member where id_number = :id").param("id", id).query(Long.class).single();
        require(api.exchange("admin", HttpMethod.PUT, "/api/members/" + member + "/mobile", Map.of("mobile", mobile)), 200);
        return id;
    }

    /** An upload with a field and no file: it gets past security and is refused by the checks. */
    private static MultiValueMap<String, Object> emptyForm() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("name", "matrix");
        return form;
    }

    /**
     * Beside our own mappings: the actuator's metrics, the supervisors' static page, the API
     * description and a sample of the engine's API.
     */
    static final List<Call> OTHERS = List.of(
            new Call(HttpMethod.GET, "/sla/index.html", null, Set.of("supervisor", "admin"), true),
            new Call(HttpMethod.GET, "/actuator/prometheus", null, Set.of("supervisor", "admin")),
            new Call(HttpMethod.GET, "/v3/api-docs", null, EVERYONE),
            new Call(HttpMethod.GET, "/swagger-ui/index.html", null, EVERYONE),
            new Call(HttpMethod.GET, "/engine-rest/process-definition/count", null, Set.of("padmin", "admin")),
            new Call(HttpMethod.GET, "/engine-rest/task?maxResults=5", null, Set.of("padmin", "admin")),
            new Call(HttpMethod.GET, "/engine-rest/user", null, Set.of("padmin", "admin")));

    @Test
    void everyRoleReachesExactlyItsOwnWork() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        String task = api.taskOf("agency", claim);
        String version = repository.createProcessDefinitionQuery().processDefinitionKey("claim-lifecycle").latestVersion()
                .singleResult().getId();
        long member = jdbc.sql("select member_id from claim where id = :id").param("id", claim).query(Long.class).single();
        Map<String, Entry> matrix = matrix(claim, task, Integer.toString(EngineTime.today().getYear()), version, member);

        Set<String> mapped = ourMappings();
        Set<String> rows = new TreeSet<>(matrix.keySet());
        rows.addAll(memberMatrix(0).keySet());
        assertThat(difference(mapped, rows)).as("endpoints with no row in the matrix").isEmpty();
        assertThat(difference(rows, mapped)).as("rows whose endpoint is gone").isEmpty();

        List<Call> calls = new ArrayList<>();
        new TreeMap<>(matrix).forEach((key, entry) -> calls.add(new Call(HttpMethod.valueOf(key.substring(0, key.indexOf(' '))),
                entry.path(), entry.body(), entry.allowed(), entry.page())));
        calls.addAll(OTHERS);
        List<String> wrong = new ArrayList<>(wrongAnswers(api, calls.stream().filter(call -> !call.page()).toList()));
        wrong.addAll(wrongPageAnswers(calls.stream().filter(Call::page).toList()));
        assertThat(wrong).isEmpty();
    }

    /**
     * Pages as the workbench serves them: anonymous visitors are sent to sign in, the allowed
     * reach the page's handler, everyone else gets 403, and a form sent without the session's
     * CSRF token is refused even to the allowed.
     */
    @SuppressWarnings("unchecked")
    private List<String> wrongPageAnswers(List<Call> calls) {
        Map<String, WorkbenchSession> sessions = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            boolean isForm = call.method() == HttpMethod.POST;
            Map<String, String> fields = isForm ? (Map<String, String>) call.body() : Map.of();
            WorkbenchSession.Page anonymous = send(WorkbenchSession.anonymous(port), call, fields);
            if (anonymous.status() != 302 || !anonymous.location().endsWith("/login")) {
                wrong.add("anonymous " + call.method() + " " + call.path() + " -> " + anonymous.status());
            }
            for (String user : USERS) {
                WorkbenchSession session = sessions.computeIfAbsent(user, u -> WorkbenchSession.signIn(port, u));
                session.get("/");
                WorkbenchSession.Page answer = send(session, call, fields);
                boolean handled = answer.status() != 405 && !(answer.status() == 404 && answer.text().contains("没有这个地址"))
                        && !(answer.status() == 302 && answer.location().endsWith("/login"));
                judge(wrong, user, call.method() + " " + call.path(), call.allowed().contains(user), answer.status(), handled);
                if (isForm && call.allowed().contains(user)) {
                    int forged = session.postWithoutToken(call.path(), fields).status();
                    if (forged != 403) {
                        wrong.add(user + " POST " + call.path() + " without the CSRF token -> " + forged);
                    }
                }
            }
        }
        return wrong;
    }

    private static WorkbenchSession.Page send(WorkbenchSession session, Call call, Map<String, String> fields) {
        return call.method() == HttpMethod.POST ? session.post(call.path(), fields) : session.get(call.path());
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    /** "METHOD pattern" of every handler of ours (not the error page's). */
    private Set<String> ourMappings() {
        Set<String> keys = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            // the error page and the sign-in page answer everyone (WorkbenchSignInTest)
            if (!handler.getBeanType().getPackageName().startsWith("org.huzhu")
                    || info.getPatternValues().contains("/error") || info.getPatternValues().contains("/login")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    keys.add(method + " " + pattern);
                }
            }
        });
        return keys;
    }

    /** The answers that let in someone not allowed, or keep out someone allowed, or anyone anonymous. */
    static List<String> wrongAnswers(Api api, List<Call> calls) {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            int anonymous = api.exchange(null, call.method(), call.path(), call.body()).status();
            if (anonymous != 401) {
                wrong.add("anonymous " + call.method() + " " + call.path() + " -> " + anonymous);
            }
            for (String user : USERS) {
                Api.Answer answer = api.exchange(user, call.method(), call.path(), call.body());
                boolean noRoute = answer.status() == 404 && answer.body() != null
                        && "NOT_FOUND".equals(answer.body().path("code").asText());
                judge(wrong, user, call.method() + " " + call.path(), call.allowed().contains(user),
                        answer.status(), !noRoute && answer.status() != 405);
            }
        }
        return wrong;
    }

    /**
     * An allowed user must reach a handler: a request that finds none (no such path or method)
     * fails the row too, while a handler's own 404 (no such batch) has reached it.
     */
    static void judge(List<String> wrong, String user, String call, boolean allowed, int status, boolean handled) {
        if (allowed ? !handled || status == 401 || status == 403 || status >= 500 : status != 403) {
            wrong.add(user + " " + call + " -> " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
        }
    }

    // Issue 12: the engine's deployment endpoints in every spelling, the Admin webapp's setup, the actuator.

    /** The engine's deployment/create under each name: the engine's authorizations decide, not the spelling. */
    static final List<String> ENGINE_DEPLOYMENT_CREATE = List.of("/engine-rest/deployment/create",
            "/engine-rest/engine/default/deployment/create", "/camunda/api/engine/engine/default/deployment/create");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;

    @Test
    void onlyTheSystemAdministratorDeploysThroughTheEngineNobodyRunsTheSetupAndAdminsReadTheActuator() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        long deployments = repository.createDeploymentQuery().count();
        List<String> wrong = wrongAnswers(api, List.of(
                new Call(HttpMethod.POST, "/camunda/api/admin/setup/default/user/create", Map.of(), Set.of()),
                new Call(HttpMethod.GET, "/actuator", null, Set.of("admin")),
                new Call(HttpMethod.GET, "/actuator/info", null, Set.of("admin")),
                new Call(HttpMethod.GET, "/actuator/prometheus", null, Set.of("supervisor", "admin"))));
        // Process admins deploy through Huzhu's checks; the engine deploys for system admins only. The
        // upload never parses, so whoever gets past answers 400 and nothing is deployed.
        for (String path : ENGINE_DEPLOYMENT_CREATE) {
            boolean webapp = path.startsWith("/camunda/");
            int anonymous = deploy(webapp ? WebappSession.anonymous(port) : null, null, path);
            // the webapps refuse a POST without a session by its missing CSRF token (403) or sign-in (401)
            if (anonymous != 401 && !(webapp && anonymous == 403)) {
                wrong.add("anonymous POST " + path + " -> " + anonymous);
            }
            for (String user : USERS) {
                if (webapp && WITHOUT_TASKLIST.contains(user)) {
                    assertThat(WebappSession.signInStatus(port, user, "tasklist")).as(user + " signs in to Tasklist")
                            .isEqualTo(403);
                    continue;
                }
                int status = deploy(webapp ? WebappSession.signIn(port, user, "tasklist") : null, user, path);
                judge(wrong, user, "POST " + path, user.equals("admin"), status, true);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        // not exposed: admins are let through to a 404, everyone else is refused before that
        assertThat(api.get("admin", "/actuator/env").status()).isEqualTo(404);
        assertThat(api.get("supervisor", "/actuator/env").status()).isEqualTo(403);
    }

    /**
     * Tasklist's API as every role: nobody, whatever the engine lets them touch, hands a DEMO-A
     * task to DEMO-B's auditor, and that auditor never reads the task's values.
     */
    @Test
    void inTasklistNobodyHandsATaskToAnotherAgency() {
        Api api = new Api(rest);
        identities.ensureUser("padmin", "流程", "管理员", "demo", List.of(Role.PROCESS_ADMIN.groupId()));
        long claim = require(api.post("clerk", "/api/claims", ClaimRequests.claim(api.enrolledMember(), "900.00")), 201)
                .body().get("id").asLong();
        String task = api.taskOf("agency", claim);
        List<String> wrong = new ArrayList<>();
        for (String user : USERS.stream().filter(user -> !WITHOUT_TASKLIST.contains(user)).toList()) {
            int status = WebappSession.signIn(port, user, "tasklist")
                    .enginePost("/task/" + task + "/assignee", Map.of("userId", "agency-b")).status();
            if (status != 403 && status != 404) {
                wrong.add(user + " hands the DEMO-A task to agency-b in Tasklist -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(WebappSession.signIn(port, "agency-b", "tasklist").engineGet("/task/" + task + "/variables").status())
                .isIn(403, 404);
        assertThat(api.taskOf("agency", claim)).isEqualTo(task);
    }

    /** Through the webapp session when there is one, else over HTTP Basic as the user. */
    private int deploy(WebappSession session, String user, String path) {
        return session == null ? Uploads.engineDeployment(rest, user, path, "matrix.bpmn", Uploads.BROKEN_BPMN).status()
                : session.postMultipart(path, Map.of("deployment-name", "matrix"), "matrix.bpmn", Uploads.BROKEN_BPMN).status();
    }

    @Test
    void onlyHealthAndTheWebappsLoginAreAnonymous() {
        Api api = new Api(rest);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(api.get(null, "/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(api.get(null, "/camunda/api/engine/engine/default/task/count").status()).isEqualTo(401);
        assertThat(api.get(null, "/camunda/api/admin/setup/default/user/create").status()).isIn(401, 403, 404, 405);
        assertThat(api.get("clerk", "/api/does-not-exist").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/does-not-exist").status()).isEqualTo(401);
    }
}
