package org.huzhu.membership.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.membership.Agency;
import org.huzhu.membership.Enrolment;
import org.huzhu.membership.InsuranceType;
import org.huzhu.membership.Member;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.membership.Members;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.membership.SchemeNames;
import org.huzhu.membership.Unit;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counter's members: find one by ID number or name, their page with enrolments, register a
 * member and enrol them. For clerks at their agencies and administrators, as the API.
 */
@WorkbenchController
@RequestMapping("/intake/members")
class MemberPages {

    static final int SHOWN = 50;
    private static final Crumb SEARCH = new Crumb("查找参保人", "/intake/members");

    /** The registration form as typed. */
    record MemberForm(String idNumber, String name, String unitCode, String insuranceType, String mobile) {
    }

    record EnrolmentForm(String scheme, String validFrom, String validTo) {
    }

    /** An enrolment as the member's page lists it. */
    record EnrolmentRow(String scheme, String schemeName, LocalDate validFrom, LocalDate validTo, String state,
                        String tone) {
    }

    private final Members members;
    private final Organisations organisations;
    private final MembershipRegistry registry;
    private final SchemeNames schemes;
    private final Clock clock;

    MemberPages(Members members, Organisations organisations, MembershipRegistry registry, SchemeNames schemes,
                Clock clock) {
        this.members = members;
        this.organisations = organisations;
        this.registry = registry;
        this.schemes = schemes;
        this.clock = clock;
    }

    @GetMapping
    String searchForm(@AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        model.addAttribute("crumbs", List.of(Crumb.here("查找参保人")));
        model.addAttribute("q", "");
        return "membership/members";
    }

    /**
     * A full ID number finds its member; any other text is looked for in the names at the clerk's
     * agencies. Sent as a form, so that no ID number is left in an address (history, logs).
     */
    @PostMapping
    String search(@RequestParam(required = false) String q, @AuthenticationPrincipal Staff staff, Model model) {
        if (q == null || q.isBlank()) {
            return searchForm(staff, model);
        }
        staff.requireAny(Role.CLERK, Role.ADMIN);
        model.addAttribute("crumbs", List.of(Crumb.here("查找参保人")));
        model.addAttribute("q", q);
        String text = q.strip();
        List<Member> found;
        if (text.matches("[0-9]{17}[0-9Xx]")) {
            Optional<ResidentIdNumber> id = ResidentIdNumber.parse(text);
            if (id.isEmpty()) {
                model.addAttribute("problem", "身份证号校验位不符，请核对后重新输入");
                return "membership/members";
            }
            found = members.byIdNumber(id.get().value()).filter(member -> mayServe(staff, member)).stream().toList();
        } else if (text.matches("[0-9Xx]+")) {
            model.addAttribute("problem", "请输入完整的18位身份证号，或参保人姓名");
            return "membership/members";
        } else {
            found = members.named(text, staff.has(Role.ADMIN) ? null
                    : registry.counterAgencies(staff).stream().map(Agency::code).toList(), SHOWN + 1);
        }
        model.addAttribute("more", found.size() > SHOWN);
        model.addAttribute("found", found.stream().limit(SHOWN).toList());
        return "membership/members";
    }

    @GetMapping("/{id}")
    String member(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model) {
        return memberPage(served(id, staff), null, FieldErrors.none(), model);
    }

    /**
     * Records or changes the member's mobile number, where sign-in codes and messages go. The
     * number is typed afresh: the page shows it masked only.
     */
    @PostMapping("/{id}/mobile")
    String changeMobile(@PathVariable long id, @RequestParam(required = false) String mobile,
                        @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response,
                        RedirectAttributes redirect) {
        Member member = served(id, staff);
        try {
            Member changed = registry.changeMobile(id, mobile, staff);
            redirect.addFlashAttribute("notice", changed.mobile() == null ? "已删除手机号。"
                    : "手机号已改为 " + changed.maskedMobile() + "。");
            return "redirect:/intake/members/" + id;
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return memberPage(member, mobile, FieldErrors.of(invalid.problems()), model);
        }
    }

    private String memberPage(Member member, String typedMobile, FieldErrors errors, Model model) {
        model.addAttribute("typedMobile", typedMobile);
        model.addAttribute("errors", errors);
        Map<String, String> names = schemes.schemeNames();
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        model.addAttribute("member", member);
        model.addAttribute("unit", organisations.unit(member.unitCode()).orElseThrow());
        model.addAttribute("enrolments", members.enrolments(member.id()).stream()
                .map(enrolment -> row(enrolment, names, today)).toList());
        model.addAttribute("crumbs", List.of(SEARCH, Crumb.here(member.name())));
        return "membership/member";
    }

    @GetMapping("/new")
    String registration(@RequestParam(required = false) String unit, @AuthenticationPrincipal Staff staff,
                        Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        return registrationForm(new MemberForm(null, null, unit, InsuranceType.EMPLOYEE.name(), null), FieldErrors.none(),
                staff, model);
    }

    @PostMapping("/new")
    String register(@ModelAttribute MemberForm form, @AuthenticationPrincipal Staff staff, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        try {
            Member member = registry.addMember(form.idNumber(), form.name(), form.unitCode(), form.insuranceType(),
                    form.mobile(), staff);
            redirect.addFlashAttribute("notice", "参保人" + member.name() + "已登记。请为其办理参保。");
            return "redirect:/intake/members/" + member.id();
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return registrationForm(form, FieldErrors.of(invalid.problems()), staff, model);
        }
    }

    @GetMapping("/{id}/enrolments/new")
    String enrolment(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model) {
        return enrolmentForm(served(id, staff), new EnrolmentForm(null, null, null), FieldErrors.none(), model);
    }

    @PostMapping("/{id}/enrolments/new")
    String enrol(@PathVariable long id, @ModelAttribute EnrolmentForm form, @AuthenticationPrincipal Staff staff,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Member member = served(id, staff);
        FieldErrors errors = FieldErrors.none();
        LocalDate from = errors.date("validFrom", form.validFrom());
        LocalDate to = errors.date("validTo", form.validTo());
        try {
            if (errors.isEmpty()) {
                registry.enrol(member.idNumber(), form.scheme(), from, to, staff);
                redirect.addFlashAttribute("notice", "已办理" + schemes.schemeNames().get(form.scheme()) + "参保："
                        + from + " 至 " + to + "。");
                return "redirect:/intake/members/" + member.id();
            }
        } catch (InvalidInputException invalid) {
            errors.addAll(invalid.problems());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return enrolmentForm(member, form, errors, model);
    }

    private String registrationForm(MemberForm form, FieldErrors errors, Staff staff, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", unitsServed(staff));
        model.addAttribute("insuranceTypes", InsuranceType.values());
        model.addAttribute("crumbs", List.of(SEARCH, Crumb.here("登记参保人")));
        return "membership/member-new";
    }

    private String enrolmentForm(Member member, EnrolmentForm form, FieldErrors errors, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("schemes", schemes.schemeNames());
        model.addAttribute("crumbs", List.of(SEARCH, new Crumb(member.name(), "/intake/members/" + member.id()),
                Crumb.here("办理参保")));
        return "membership/enrolment-new";
    }

    /** The units a clerk registers members in: those of their agencies; an administrator types the code. */
    private List<Unit> unitsServed(Staff staff) {
        return staff.has(Role.ADMIN) ? List.of() : registry.counterAgencies(staff).stream()
                .flatMap(agency -> organisations.unitsOf(agency.code()).stream()).toList();
    }

    /** The member, when the person may serve them at the counter; 403 otherwise. */
    private Member served(long id, Staff staff) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        Member member = members.find(id).orElseThrow(() -> DomainException.notFound("MEMBER_NOT_FOUND", "没有这个参保人"));
        if (!mayServe(staff, member)) {
            throw DomainException.forbidden("MEMBER_OF_OTHER_AGENCY", "只能查看本代办点的参保人");
        }
        return member;
    }

    private static boolean mayServe(Staff staff, Member member) {
        return staff.has(Role.ADMIN) || staff.worksAt(Role.CLERK, member.agencyCode());
    }

    private static EnrolmentRow row(Enrolment enrolment, Map<String, String> names, LocalDate today) {
        String state = enrolment.covers(today) ? "保障中" : today.isBefore(enrolment.validFrom()) ? "未开始" : "已到期";
        String tone = enrolment.covers(today) ? "ok" : today.isBefore(enrolment.validFrom()) ? "warning" : "";
        return new EnrolmentRow(enrolment.scheme(), names.getOrDefault(enrolment.scheme(), enrolment.scheme()),
                enrolment.validFrom(), enrolment.validTo(), state, tone);
    }
}
