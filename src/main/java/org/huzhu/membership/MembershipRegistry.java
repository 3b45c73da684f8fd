package org.huzhu.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MobileNumber;
import org.huzhu.platform.NameText;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers units, members and enrolments: admins anywhere, clerks at their own agency. */
@Service
public class MembershipRegistry {

    private final Organisations organisations;
    private final Members members;
    private final SchemeNames schemes;
    private final AuditTrail audit;

    MembershipRegistry(Organisations organisations, Members members, SchemeNames schemes, AuditTrail audit) {
        this.organisations = organisations;
        this.members = members;
        this.schemes = schemes;
        this.audit = audit;
    }

    @Transactional
    public Unit addUnit(String code, String name, String agencyCode, Staff staff) {
        staff.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        Codes.check(problems, "code", code);
        NameText.check(problems, "name", name, "请填写单位名称", 100);
        if (blank(agencyCode)) {
            problems.add("agencyCode", "REQUIRED", "请选择代办点");
        }
        problems.throwIfAny();
        Agency agency = organisations.agency(agencyCode).orElseThrow(() ->
                new InvalidInputException("agencyCode", "UNKNOWN_AGENCY", "没有这个代办点：" + agencyCode));
        requireAgencyStaff(staff, agency.code());
        if (!organisations.addUnit(code, name.strip(), agency.id())) {
            throw new InvalidInputException("code", "DUPLICATE_CODE", "单位编码已存在：" + code);
        }
        return organisations.unit(code).orElseThrow();
    }

    @Transactional
    public Member addMember(String idNumber, String name, String unitCode, String insuranceType, Staff staff) {
        return addMember(idNumber, name, unitCode, insuranceType, null, staff);
    }

    /** Registers the member; {@code mobile} may be left blank (no messages, no online sign-in until a clerk adds it). */
    @Transactional
    public Member addMember(String idNumber, String name, String unitCode, String insuranceType, String mobile,
                            Staff staff) {
        staff.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        String number = mobile(problems, mobile);
        if (blank(idNumber)) {
            problems.add("idNumber", "REQUIRED", "请填写身份证号");
        } else if (ResidentIdNumber.parse(idNumber).isEmpty()) {
            problems.add("idNumber", "INVALID_ID_NUMBER", "身份证号不正确（应为18位，校验位不符）");
        }
        NameText.check(problems, "name", name, "请填写姓名", 50);
        if (blank(unitCode)) {
            problems.add("unitCode", "REQUIRED", "请填写单位编码");
        }
        InsuranceType type = null;
        try {
            type = InsuranceType.valueOf(insuranceType);
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("insuranceType", "INVALID_VALUE", "医保类型应为 EMPLOYEE（职工医保）或 RESIDENT（居民医保）");
        }
        problems.throwIfAny();
        Unit unit = organisations.unit(unitCode).orElseThrow(() ->
                new InvalidInputException("unitCode", "UNKNOWN_UNIT", "没有这个单位：" + unitCode));
        requireAgencyStaff(staff, unit.agencyCode());
        ResidentIdNumber id = ResidentIdNumber.parse(idNumber).orElseThrow();
        if (!members.add(id, name.strip(), unit.id(), type, number)) {
            throw new InvalidInputException("idNumber", "DUPLICATE_MEMBER", "该身份证号的会员已登记");
        }
        return members.byIdNumber(id.value()).orElseThrow();
    }

    /**
     * Records or changes the member's mobile number (blank: none on file); a clerk of the member's
     * agency or an administrator. The audit trail says who changed it, never the number.
     */
    @Transactional
    public Member changeMobile(long memberId, String mobile, Staff staff) {
        staff.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        String number = mobile(problems, mobile);
        problems.throwIfAny();
        Member member = members.find(memberId).orElseThrow(() -> DomainException.notFound("MEMBER_NOT_FOUND", "没有这个参保人"));
        requireAgencyStaff(staff, member.agencyCode());
        members.changeMobile(memberId, number);
        audit.record(staff.userId(), "MEMBER_MOBILE_CHANGED", "MEMBER", Long.toString(memberId), null,
                number == null ? "手机号已删除" : "手机号改为 " + MobileNumber.mask(number));
        return members.byId(memberId);
    }

    /** The typed number as stored, or null when left blank; a field problem when it is no mobile number. */
    private static String mobile(Problems problems, String typed) {
        if (blank(typed)) {
            return null;
        }
        Optional<String> number = MobileNumber.parse(typed);
        if (number.isEmpty()) {
            problems.add("mobile", "INVALID_MOBILE", "手机号不正确（应为11位数字，以1开头）");
        }
        return number.orElse(null);
    }

    @Transactional
    public Enrolment enrol(String memberIdNumber, String scheme, LocalDate validFrom, LocalDate validTo, Staff staff) {
        staff.requireAny(Role.ADMIN, Role.CLERK);
        Problems problems = new Problems();
        if (blank(memberIdNumber)) {
            problems.add("memberIdNumber", "REQUIRED", "请填写会员身份证号");
        }
        if (blank(scheme)) {
            problems.add("scheme", "REQUIRED", "请选择保障项目");
        } else if (!schemes.schemeNames().containsKey(scheme)) {
            problems.add("scheme", "UNKNOWN_SCHEME", "没有这个保障项目：" + scheme);
        }
        if (validFrom == null) {
            problems.add("validFrom", "REQUIRED", "请填写保障起始日期");
        }
        if (validTo == null) {
            problems.add("validTo", "REQUIRED", "请填写保障截止日期");
        } else if (validFrom != null && validTo.isBefore(validFrom)) {
            problems.add("validTo", "BEFORE_START", "截止日期不能早于起始日期");
        }
        problems.throwIfAny();
        String idNumber = ResidentIdNumber.parse(memberIdNumber).map(ResidentIdNumber::value).orElse(memberIdNumber);
        Member member = members.byIdNumber(idNumber).orElseThrow(() ->
                new InvalidInputException("memberIdNumber", "MEMBER_NOT_FOUND", "未找到该身份证号的会员"));
        requireAgencyStaff(staff, member.agencyCode());
        if (members.overlapsEnrolment(member.id(), scheme, validFrom, validTo)) {
            throw new InvalidInputException("validFrom", "OVERLAPPING_ENROLMENT", "与该会员已有的参保期重叠");
        }
        return members.enrol(member.id(), scheme, validFrom, validTo);
    }

    /** The agencies whose counter the person serves: a clerk's own, every one for an administrator. */
    public List<Agency> counterAgencies(Staff staff) {
        if (staff.has(Role.ADMIN)) {
            return organisations.agencies();
        }
        return staff.agencies().getOrDefault(Role.CLERK, Set.of()).stream().sorted().map(organisations::agency)
                .flatMap(Optional::stream).toList();
    }

    public void requireAgencyStaff(Staff staff, String agencyCode) {
        if (staff.has(Role.ADMIN) || staff.worksAt(Role.CLERK, agencyCode)) {
            return;
        }
        throw DomainException.forbidden("NOT_STAFF_OF_AGENCY", "只能登记本代办点的单位和会员");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
