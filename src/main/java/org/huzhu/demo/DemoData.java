package org.huzhu.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.authorization.Groups;
import org.huzhu.membership.InsuranceType;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.OrganisationRegistry;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.membership.Sex;
import org.huzhu.membership.Unit;
import org.huzhu.platform.Beijing;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSetDraft;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.IdentityBootstrap;
import org.huzhu.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo once; running it again on the same database adds nothing. */
@Component
@Order(10)
@Profile("!prod")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class DemoData implements ApplicationRunner {

    static final String ORGANISER = "DEMO";
    static final String PASSWORD = "demo";
    private static final LocalDate INPATIENT_START = LocalDate.of(2019, 10, 16);
    private static final LocalDate OTHER_SCHEMES_START = LocalDate.of(2025, 1, 1);
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganisationRegistry registry;
    private final Organisations organisations;
    private final Members members;
    private final RuleSets ruleSets;
    private final IdentityBootstrap identities;
    private final ObjectMapper json;
    private final Clock clock;

    DemoData(OrganisationRegistry registry, Organisations organisations, Members members, RuleSets ruleSets, IdentityBootstrap identities,
             ObjectMapper json, Clock clock) {
        this.registry = registry;
        this.organisations = organisations;
        this.members = members;
        this.ruleSets = ruleSets;
        this.identities = identities;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        long organiser = registry.ensureOrganiser(ORGANISER, "演示市总工会职工互助保障协会");
        registry.ensureAgency("DEMO-A", "演示代办点A", organiser);
        registry.ensureAgency("DEMO-B", "演示代办点B", organiser);

        publishOnce("INPATIENT", "anyang-inpatient-2019.json", INPATIENT_START,
                "安阳市职工住院医疗互助首年规则（2019年10月16日起）：0-1000元部分30%，1000元以上50%，年度封顶10万元");
        publishOnce("OUTPATIENT_SPECIAL", "outpatient-special-2025.json", OTHER_SCHEMES_START,
                "【示例数据，非真实规则】门诊特殊病：起付线300元，5000元以内50%、以上60%，每次最多3000元，年度封顶6000元，每年最多4次");
        publishOnce("XINKANG", "xinkang-women-2025.json", OTHER_SCHEMES_START,
                "【示例数据，非真实规则】馨康女职工特殊疾病：16至60岁女性，首次参保等待90天，乳腺癌、宫颈癌、卵巢癌各3.2万元，须病理报告");
        publishOnce("MAJOR_ILLNESS", "major-illness-2025.json", OTHER_SCHEMES_START,
                "【示例数据，非真实规则】重大疾病：恶性肿瘤2万元，急性心肌梗死、脑卒中、终末期肾病各1.5万元，每个病种一次");

        unit("DEMO-U1", "演示机械厂", "DEMO-A");
        unit("DEMO-U2", "演示纺织公司", "DEMO-A");
        unit("DEMO-U3", "演示中心医院", "DEMO-B");
        member("41050219800101001", "张伟", "DEMO-U1", InsuranceType.EMPLOYEE, "13800000001");
        member("41050219850315002", "李娜", "DEMO-U1", InsuranceType.EMPLOYEE, "13900000002");
        member("41050219770707003", "王强", "DEMO-U2", InsuranceType.EMPLOYEE, "13700000003");
        member("41050319900202004", "刘芳", "DEMO-U3", InsuranceType.EMPLOYEE, "13600000004");
        member("41050319881111005", "陈磊", "DEMO-U3", InsuranceType.RESIDENT, "13500000005");
        enrolDemoMembers();

        user("admin", "管理员", Role.ADMIN.groupId(), Role.PROCESS_ADMIN.groupId(), Groups.CAMUNDA_ADMIN);
        user("clerk", "受理员", Role.CLERK.groupId(), Role.CLERK.atAgency("DEMO-A"));
        user("agency", "代办点A审核员", Role.AGENCY_AUDITOR.groupId(), Role.AGENCY_AUDITOR.atAgency("DEMO-A"));
        user("agency-b", "代办点B审核员", Role.AGENCY_AUDITOR.groupId(), Role.AGENCY_AUDITOR.atAgency("DEMO-B"));
        user("league", "协会审核员", Role.LEAGUE_AUDITOR.groupId());
        user("league-b", "协会审核员B", Role.LEAGUE_AUDITOR.groupId());
        user("head", "协会负责人", Role.LEAGUE_HEAD.groupId());
        user("committee", "互助保障委员会委员", Role.COMMITTEE.groupId());
        user("supervisor", "督办", Role.SUPERVISOR.groupId());
        user("finance", "财务人员", Role.FINANCE.groupId());
        log.info("Demo data ready: agencies DEMO-A and DEMO-B, users admin/clerk/agency/agency-b/league/head/supervisor/finance (password demo)");
    }

    private void publishOnce(String scheme, String resource, LocalDate from, String reason) throws IOException {
        if (!ruleSets.versions(scheme, ORGANISER).isEmpty()) {
            return;
        }
        try (InputStream in = new ClassPathResource("rulesets/" + resource).getInputStream()) {
            ruleSets.publish(ruleSets.scheme(scheme).orElseThrow(), new RuleSetDraft(ORGANISER, from, null, reason,
                    json.readValue(in, RuleSetDefinition.class)), "demo", clock.instant());
        }
    }

    /**
     * Every demo member in in-patient aid, outpatient special diseases and major illness; the
     * women in 馨康 too. Enrolments run to the end of next scheme year, counted from the day the
     * demo is first loaded, so a demo started on any day has members who can claim.
     */
    private void enrolDemoMembers() {
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        LocalDate inpatientEnd = LocalDate.of(today.getYear() + 1, 10, 15);
        if (today.isAfter(LocalDate.of(today.getYear(), 10, 15))) {
            inpatientEnd = inpatientEnd.plusYears(1);
        }
        LocalDate otherSchemesEnd = LocalDate.of(today.getYear() + 1, 12, 31);
        for (String unit : List.of("DEMO-U1", "DEMO-U2", "DEMO-U3")) {
            for (Member member : members.ofUnit(unit)) {
                enrolOnce(member, "INPATIENT", INPATIENT_START, inpatientEnd);
                enrolOnce(member, "OUTPATIENT_SPECIAL", OTHER_SCHEMES_START, otherSchemesEnd);
                enrolOnce(member, "MAJOR_ILLNESS", OTHER_SCHEMES_START, otherSchemesEnd);
                if (member.sex() == Sex.F) {
                    enrolOnce(member, "XINKANG", OTHER_SCHEMES_START, otherSchemesEnd);
                }
            }
        }
    }

    private void enrolOnce(Member member, String scheme, LocalDate from, LocalDate to) {
        if (!members.overlapsEnrolment(member.id(), scheme, from, to)) {
            members.enrol(member.id(), scheme, from, to);
        }
    }

    private void unit(String code, String name, String agencyCode) {
        if (organisations.unit(code).isEmpty()) {
            organisations.addUnit(code, name, organisations.agency(agencyCode).orElseThrow().id());
        }
    }

    /**
     * Demo ID numbers are given as their first 17 digits; the check character is computed. Demo
     * mobile numbers are made up; the demo mailbox (/admin/mailbox) shows what would be sent to them.
     */
    private void member(String first17, String name, String unitCode, InsuranceType type, String mobile) {
        ResidentIdNumber id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17)).orElseThrow();
        members.add(id, name, organisations.unit(unitCode).orElseThrow().id(), type, mobile);
    }

    private void user(String id, String name, String... groups) {
        identities.ensureUser(id, name, "（演示）", PASSWORD, List.of(groups));
    }
}
