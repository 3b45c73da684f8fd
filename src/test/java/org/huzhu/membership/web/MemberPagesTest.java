package org.huzhu.membership.web;

import java.net.URI;
import java.util.Map;

import org.huzhu.support.Api;
import org.huzhu.support.HuzhuIntegrationTest;
import org.huzhu.support.TestIds;
import org.huzhu.support.WorkbenchSession;
import org.huzhu.support.WorkbenchSession.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter's member pages over HTTP: a unit, a member and an enrolment registered through
 * their forms, each problem at its field with what was typed kept and nothing stored; finding a
 * member by ID number or name at the clerk's own agency only.
 */
@HuzhuIntegrationTest
class MemberPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;

    WorkbenchSession clerk;

    @BeforeEach
    void signIn() {
        clerk = WorkbenchSession.signIn(port, "clerk");
        clerk.get("/");
    }

    @Test
    void aUnitAMemberAndTheirEnrolmentAreRegisteredWithEachProblemAtItsField() {
        Page unitForm = clerk.get("/intake/units/new");
        assertThat(unitForm.html().select("#agencyCode option[selected]").val()).isEqualTo("DEMO-A");
        Page badUnit = clerk.post("/intake/units/new", Map.of("code", "U 1!", "name", "", "agencyCode", "DEMO-A"));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.html().getElementById("error-code").text()).startsWith("编码为1到32位");
        assertThat(badUnit.html().getElementById("error-name").text()).isEqualTo("请填写单位名称");
        assertThat(badUnit.html().getElementById("code").val()).isEqualTo("U 1!");
        assertThat(count("select count(*) from unit where code = 'U 1!'")).isZero();

        String unit = TestIds.code("U");
        Page unitAdded = clerk.post("/intake/units/new", Map.of("code", unit, "name", "安阳钢铁厂", "agencyCode", "DEMO-A"));
        assertThat(unitAdded.location()).endsWith("/intake/members/new?unit=" + unit);
        Page memberForm = follow(unitAdded);
        assertThat(memberForm.text()).contains("单位安阳钢铁厂（" + unit + "）已登记");
        assertThat(memberForm.html().select("#unitCode option[selected]").val()).isEqualTo(unit);

        String idNumber = TestIds.idNumber('F');
        String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        Page badMember = clerk.post("/intake/members/new", Map.of("idNumber", wrongCheck, "name", "=cmd",
                "unitCode", unit, "insuranceType", "EMPLOYEE"));
        assertThat(badMember.status()).isEqualTo(400);
        assertThat(badMember.html().getElementById("error-idNumber").text()).contains("校验位不符");
        assertThat(badMember.html().getElementById("error-name").text()).isNotEmpty();
        assertThat(badMember.html().getElementById("idNumber").val()).isEqualTo(wrongCheck);
        assertThat(count("select count(*) from member m join unit u on u.id = m.unit_id where u.code = '" + unit + "'"))
                .isZero();

        Page memberAdded = clerk.post("/intake/members/new", Map.of("idNumber", idNumber.toLowerCase(), "name", "王秀英",
                "unitCode", unit, "insuranceType", "EMPLOYEE"));
        assertThat(memberAdded.location()).matches(".*/intake/members/\\d+$");
        Page memberPage = follow(memberAdded);
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        assertThat(memberPage.text()).contains("参保人 王秀英", "参保人王秀英已登记", masked, "女", "职工医保",
                "安阳钢铁厂（" + unit + "）", "尚未参保");
        assertThat(memberPage.text()).doesNotContain(idNumber);
        String memberPath = URI.create(memberAdded.location()).getPath();

        Page badEnrolment = clerk.post(memberPath + "/enrolments/new", Map.of("scheme", "INPATIENT",
                "validFrom", "2026-10-16", "validTo", "2026-10-15"));
        assertThat(badEnrolment.status()).isEqualTo(400);
        assertThat(badEnrolment.html().getElementById("error-validTo").text()).isEqualTo("截止日期不能早于起始日期");
        assertThat(badEnrolment.html().getElementById("validFrom").val()).isEqualTo("2026-10-16");
        Page notADate = clerk.post(memberPath + "/enrolments/new", Map.of("scheme", "", "validFrom", "2026-13-40",
                "validTo", "2027-10-15"));
        assertThat(notADate.html().getElementById("error-validFrom").text()).isEqualTo("日期格式应为 2026-12-02");
        assertThat(count("select count(*) from enrolment e join member m on m.id = e.member_id where m.id_number = '"
                + idNumber + "'")).isZero();

        Page enrolled = clerk.post(memberPath + "/enrolments/new", Map.of("scheme", "INPATIENT",
                "validFrom", "2026-10-16", "validTo", "2027-10-15"));
        assertThat(follow(enrolled).text()).contains("已办理住院医疗互助参保：2026-10-16 至 2027-10-15",
                "住院医疗互助 2026-10-16 2027-10-15 保障中");
        assertThat(jdbc.sql("""
                        select m.name || ' ' || m.sex || ' ' || u.code || ' ' || e.scheme || ' ' || e.valid_from || ' ' || e.valid_to
                        from member m join unit u on u.id = m.unit_id join enrolment e on e.member_id = m.id
                        where m.id_number = :id""").param("id", idNumber).query(String.class).list())
                .containsExactly("王秀英 F " + unit + " INPATIENT 2026-10-16 2027-10-15");
    }

    @Test
    void aClerkFindsMembersOfTheirOwnAgencyByIdNumberOrName() {
        Api api = new Api(rest);
        String name = "查找" + TestIds.code("M").replace("-", "");
        String ours = registered(api, "DEMO-A", name);
        String theirs = registered(api, "DEMO-B", name);

        Page byName = clerk.post("/intake/members", Map.of("q", name.substring(1)));
        assertThat(byName.html().select("table.list tbody tr")).hasSize(1);
        assertThat(byName.text()).contains(name, ours.substring(0, 6) + "********" + ours.substring(14), "DEMO-A")
                .doesNotContain(ours, "DEMO-B");
        assertThat(clerk.post("/intake/members", Map.of("q", ours)).html().select("table.list tbody tr")).hasSize(1);
        assertThat(clerk.post("/intake/members", Map.of("q", theirs)).text()).contains("没有找到本代办点的参保人");
        String wrongCheck = ours.substring(0, 17) + (ours.charAt(17) == '1' ? '2' : '1');
        assertThat(clerk.post("/intake/members", Map.of("q", wrongCheck)).text()).contains("身份证号校验位不符");
        assertThat(clerk.post("/intake/members", Map.of("q", "41050219")).text()).contains("请输入完整的18位身份证号");

        long theirId = jdbc.sql("select id from member where id_number = :id").param("id", theirs).query(Long.class).single();
        Page refused = clerk.get("/intake/members/" + theirId);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("只能查看本代办点的参保人");
        // the administrator serves every agency
        WorkbenchSession admin = WorkbenchSession.signIn(port, "admin");
        admin.get("/intake/members");
        assertThat(admin.post("/intake/members", Map.of("q", name)).html().select("table.list tbody tr")).hasSize(2);
    }

    @Test
    void otherRolesRegisterNothingAndAFormWithoutItsTokenIsRefused() {
        WorkbenchSession auditor = WorkbenchSession.signIn(port, "agency");
        auditor.get("/");
        String unit = TestIds.code("U");
        assertThat(auditor.get("/intake/units/new").status()).isEqualTo(403);
        assertThat(auditor.post("/intake/units/new", Map.of("code", unit, "name", "单位", "agencyCode", "DEMO-A")).status())
                .isEqualTo(403);
        assertThat(clerk.postWithoutToken("/intake/units/new", Map.of("code", unit, "name", "单位", "agencyCode", "DEMO-A"))
                .status()).isEqualTo(403);
        assertThat(count("select count(*) from unit where code = '" + unit + "'")).isZero();
        assertThat(auditor.get("/").menu()).doesNotContain("查找参保人", "登记参保人", "受理申请");
        assertThat(clerk.get("/").menu()).contains("受理申请", "待补件申请", "退票待更正", "查找参保人", "登记参保人", "登记单位");
    }

    private String registered(Api api, String agency, String name) {
        String unit = TestIds.code("U");
        Api.require(api.post("admin", "/api/units", Map.of("code", unit, "name", "测试单位", "agencyCode", agency)), 201);
        String idNumber = TestIds.idNumber();
        Api.require(api.post("admin", "/api/members", Map.of("idNumber", idNumber, "name", name, "unitCode", unit,
                "insuranceType", "EMPLOYEE")), 201);
        return idNumber;
    }

    private Page follow(Page redirect) {
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        URI location = URI.create(redirect.location());
        return clerk.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
