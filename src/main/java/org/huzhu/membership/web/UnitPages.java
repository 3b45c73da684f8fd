package org.huzhu.membership.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.membership.Agency;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.membership.Unit;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A clerk registers a member unit (基层单位) at their agency; its staff are then registered in it. */
@WorkbenchController
class UnitPages {

    record UnitForm(String code, String name, String agencyCode) {
    }

    private final MembershipRegistry registry;

    UnitPages(MembershipRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/intake/units/new")
    String registration(@AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        List<Agency> agencies = registry.counterAgencies(staff);
        String only = agencies.size() == 1 ? agencies.get(0).code() : null;
        return form(new UnitForm(null, null, only), FieldErrors.none(), agencies, model);
    }

    @PostMapping("/intake/units/new")
    String register(@ModelAttribute UnitForm form, @AuthenticationPrincipal Staff staff, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        try {
            Unit unit = registry.addUnit(form.code(), form.name(), form.agencyCode(), staff);
            redirect.addFlashAttribute("notice", "单位" + unit.name() + "（" + unit.code() + "）已登记，可登记其职工。");
            return "redirect:/intake/members/new?unit=" + unit.code();
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, FieldErrors.of(invalid.problems()), registry.counterAgencies(staff), model);
        }
    }

    private String form(UnitForm form, FieldErrors errors, List<Agency> agencies, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("agencies", agencies);
        model.addAttribute("crumbs", List.of(new Crumb("查找参保人", "/intake/members"), Crumb.here("登记单位")));
        return "membership/unit-new";
    }
}
