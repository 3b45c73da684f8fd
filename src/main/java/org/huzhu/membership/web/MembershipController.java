package org.huzhu.membership.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.huzhu.membership.Enrolment;
import org.huzhu.membership.Member;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.membership.Members;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.Unit;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class MembershipController {

    private final MembershipRegistry registry;
    private final Organisations organisations;
    private final Members members;

    MembershipController(MembershipRegistry registry, Organisations organisations, Members members) {
        this.registry = registry;
        this.organisations = organisations;
        this.members = members;
    }

    record UnitRequest(String code, String name, String agencyCode) {
    }

    /** {@code mobile}: the member's mobile number, optional (sign-in codes and messages go there). */
    record MemberRequest(String idNumber, String name, String unitCode, String insuranceType, String mobile) {
    }

    record MobileRequest(String mobile) {
    }

    record MemberView(long id, String idNumberMasked, String name, LocalDate birthDate, String sex,
                      String insuranceType, String unitCode, String agencyCode, String mobileMasked,
                      List<Enrolment> enrolments) {
    }

    record EnrolmentRequest(String memberIdNumber, String scheme, LocalDate validFrom, LocalDate validTo) {
    }

    @PostMapping("/units")
    ResponseEntity<Unit> addUnit(@RequestBody UnitRequest request, @AuthenticationPrincipal Staff staff) {
        Unit unit = registry.addUnit(request.code(), request.name(), request.agencyCode(), staff);
        return ResponseEntity.created(URI.create("/api/units/" + unit.code())).body(unit);
    }

    @GetMapping("/units/{code}")
    Unit unit(@PathVariable String code, @AuthenticationPrincipal Staff staff) {
        Unit unit = organisations.unit(code).orElseThrow(() -> DomainException.notFound("UNIT_NOT_FOUND", "单位不存在"));
        requireView(staff, unit.agencyCode());
        return unit;
    }

    @GetMapping("/units/{code}/members")
    List<MemberView> members(@PathVariable String code, @AuthenticationPrincipal Staff staff) {
        return members.ofUnit(unit(code, staff).code()).stream().map(this::view).toList();
    }

    @PostMapping("/members")
    ResponseEntity<MemberView> addMember(@RequestBody MemberRequest request, @AuthenticationPrincipal Staff staff) {
        Member member = registry.addMember(request.idNumber(), request.name(), request.unitCode(),
                request.insuranceType(), request.mobile(), staff);
        return ResponseEntity.created(URI.create("/api/members/" + member.id())).body(view(member));
    }

    /** Records or changes the member's mobile number; blank removes it. Answers the member, the number masked. */
    @PutMapping("/members/{id}/mobile")
    MemberView changeMobile(@PathVariable long id, @RequestBody MobileRequest request,
                            @AuthenticationPrincipal Staff staff) {
        if (request.mobile() == null) {
            // a body without the field changes nothing; an empty string removes the number
            Problems problems = new Problems();
            problems.add("mobile", "REQUIRED", "请填写手机号码（删除号码请填空字符串）");
            problems.throwIfAny();
        }
        return view(registry.changeMobile(id, request.mobile(), staff));
    }

    @PostMapping("/enrolments")
    ResponseEntity<Enrolment> enrol(@RequestBody EnrolmentRequest request, @AuthenticationPrincipal Staff staff) {
        Enrolment enrolment = registry.enrol(request.memberIdNumber(), request.scheme(), request.validFrom(),
                request.validTo(), staff);
        return ResponseEntity.created(URI.create("/api/enrolments/" + enrolment.id())).body(enrolment);
    }

    private void requireView(Staff staff, String agencyCode) {
        if (staff.hasAny(Role.ADMIN, Role.SUPERVISOR, Role.LEAGUE_AUDITOR, Role.LEAGUE_HEAD)
                || staff.worksAt(Role.CLERK, agencyCode) || staff.worksAt(Role.AGENCY_AUDITOR, agencyCode)) {
            return;
        }
        throw DomainException.forbidden("NOT_STAFF_OF_AGENCY", "无权查看其他代办点的单位");
    }

    private MemberView view(Member member) {
        return new MemberView(member.id(), member.maskedIdNumber(), member.name(), member.birthDate(),
                member.sex().name(), member.insuranceType().name(), member.unitCode(), member.agencyCode(),
                member.maskedMobile(),                 members.enrolments(member.id()));
    }
}
