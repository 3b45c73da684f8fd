package org.huzhu.security.web;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.platform.MobileNumber;
import org.huzhu.security.StaffAccounts;
import org.huzhu.security.StaffMobiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff accounts for system administrators: the list with roles in Chinese and who is locked
 * out after wrong passwords, a new account, its roles, a password reset (which also unlocks),
 * all through {@link StaffAccounts} as the API. Camunda Admin stays for groups and grants.
 */
@WorkbenchController
class StaffAccountPages {

    private final StaffAccounts accounts;
    private final StaffMobiles mobiles;

    StaffAccountPages(StaffAccounts accounts, StaffMobiles mobiles) {
        this.accounts = accounts;
        this.mobiles = mobiles;
    }

    /** An account as the pages show it: its roles in words, e.g. 代办点审核员（DEMO-A）. */
    record AccountRow(String id, String name, List<String> roles, OffsetDateTime lockedUntil, boolean stopped) {

        static AccountRow of(StaffAccounts.Account account) {
            List<String> roles = account.roles().stream().sorted()
                    .map(role -> role.workedAtAgency() && !account.agencies().isEmpty()
                            ? role.label() + "（" + String.join("、", account.agencies()) + "）" : role.label())
                    .toList();
            return new AccountRow(account.id(), account.name(), roles, account.lockedUntil(), account.stopped());
        }
    }

    /** A role to tick: its group id is the form's value. */
    record RoleChoice(String groupId, String label, boolean atAgency) {
    }

    /** What was typed into the new-account form (the password is never shown again). */
    record NewAccountForm(String id, String name, String password, List<String> roles, String agencyCode) {
    }

    record RolesForm(List<String> roles, String agencyCode) {
    }

    @GetMapping("/system/accounts")
    String list(@RequestParam(defaultValue = "false") boolean locked, @AuthenticationPrincipal Staff staff, Model model) {
        requireAdmin(staff);
        model.addAttribute("accounts", (locked ? accounts.locked() : accounts.list()).stream().map(AccountRow::of).toList());
        model.addAttribute("lockedOnly", locked);
        model.addAttribute("crumbs", List.of(Crumb.here("员工账号与角色")));
        return "security/accounts";
    }

    @GetMapping("/system/accounts/new")
    String newAccount(@AuthenticationPrincipal Staff staff, Model model) {
        requireAdmin(staff);
        return newAccountPage(model, new NewAccountForm("", "", "", List.of(), ""), Map.of());
    }

    @PostMapping("/system/accounts")
    String create(NewAccountForm form, @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        requireAdmin(staff);
        try {
            StaffAccounts.Account created = accounts.create(strip(form.id()), strip(form.name()), form.password(),
                    form.roles(), strip(form.agencyCode()), staff.userId());
            return "redirect:/system/accounts/" + created.id() + "?done=created";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return newAccountPage(model, form, FieldErrors.of(invalid.problems()));
        }
    }

    @GetMapping("/system/accounts/{id}")
    String account(@PathVariable String id, @RequestParam(required = false) String done,
                   @AuthenticationPrincipal Staff staff, Model model) {
        requireAdmin(staff);
        StaffAccounts.Account account = accounts.get(id);
        model.addAttribute("done", switch (done == null ? "" : done) {
            case "created" -> "账号已创建。";
            case "roles" -> "角色已更改，下一次请求起生效。";
            case "password" -> "密码已重置，登录锁定（如有）已解除。";
            case "stopped" -> "账号已停用，其在本机的登录已全部退出。";
            case "started" -> "账号已可以登录。";
            case "mobile" -> "手机号已保存。";
            default -> null;
        });
        return accountPage(model, account, new RolesForm(roleIds(account), first(account.agencies())), Map.of(), Map.of());
    }

    @PostMapping("/system/accounts/{id}/roles")
    String changeRoles(@PathVariable String id, RolesForm form, @AuthenticationPrincipal Staff staff,
                       HttpServletResponse response, Model model) {
        requireAdmin(staff);
        StaffAccounts.Account account = accounts.get(id);
        try {
            accounts.changeRoles(id, form.roles(), strip(form.agencyCode()), staff.userId());
            return "redirect:/system/accounts/" + id + "?done=roles";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return accountPage(model, account, form, FieldErrors.of(invalid.problems()), Map.of());
        }
    }

    @PostMapping("/system/accounts/{id}/password")
    String resetPassword(@PathVariable String id, @RequestParam(required = false) String password,
                         @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        requireAdmin(staff);
        StaffAccounts.Account account = accounts.get(id);
        try {
            accounts.resetPassword(id, password, staff.userId());
            return "redirect:/system/accounts/" + id + "?done=password";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return accountPage(model, account, new RolesForm(roleIds(account), first(account.agencies())), Map.of(),
                    FieldErrors.of(invalid.problems()));
        }
    }

    @PostMapping("/system/accounts/{id}/stop")
    String stop(@PathVariable String id, @RequestParam(required = false) String reason,
                @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        requireAdmin(staff);
        StaffAccounts.Account account = accounts.get(id);
        try {
            accounts.stop(id, reason, staff.userId());
            return "redirect:/system/accounts/" + id + "?done=stopped";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("stopErrors", FieldErrors.of(invalid.problems()));
            model.addAttribute("reason", reason);
            return accountPage(model, account, new RolesForm(roleIds(account), first(account.agencies())), Map.of(), Map.of());
        }
    }

    /** The number the group's messages are texted to; blank removes it. */
    @PostMapping("/system/accounts/{id}/mobile")
    String mobile(@PathVariable String id, @RequestParam(required = false) String mobile,
                  @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        requireAdmin(staff);
        StaffAccounts.Account account = accounts.get(id);
        try {
            mobiles.set(id, mobile, staff.userId());
            return "redirect:/system/accounts/" + id + "?done=mobile";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("mobileErrors", FieldErrors.of(invalid.problems()));
            model.addAttribute("typedMobile", mobile);
            return accountPage(model, account, new RolesForm(roleIds(account), first(account.agencies())), Map.of(), Map.of());
        }
    }

    @PostMapping("/system/accounts/{id}/start")
    String start(@PathVariable String id, @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        accounts.start(id, staff.userId());
        return "redirect:/system/accounts/" + id + "?done=started";
    }

    private String newAccountPage(Model model, NewAccountForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("checked", Set.copyOf(form.roles() == null ? List.of() : form.roles()));
        model.addAttribute("errors", errors);
        choices(model);
        model.addAttribute("crumbs", List.of(new Crumb("员工账号与角色", "/system/accounts"), Crumb.here("新建账号")));
        return "security/account-new";
    }

    private String accountPage(Model model, StaffAccounts.Account account, RolesForm roles,
                               Map<String, String> roleErrors, Map<String, String> passwordErrors) {
        model.addAttribute("account", AccountRow.of(account));
        model.addAttribute("form", roles);
        model.addAttribute("checked", Set.copyOf(roles.roles() == null ? List.of() : roles.roles()));
        model.addAttribute("roleErrors", roleErrors);
        model.addAttribute("passwordErrors", passwordErrors);
        if (!model.containsAttribute("stopErrors")) {
            model.addAttribute("stopErrors", Map.of());
        }
        if (!model.containsAttribute("mobileErrors")) {
            model.addAttribute("mobileErrors", Map.of());
        }
        model.addAttribute("mobile", mobiles.of(account.id()).map(MobileNumber::mask).orElse(null));
        choices(model);
        model.addAttribute("crumbs", List.of(new Crumb("员工账号与角色", "/system/accounts"), Crumb.here(account.id())));
        return "security/account";
    }

    private void choices(Model model) {
        model.addAttribute("roleChoices", Arrays.stream(Role.values())
                .map(role -> new RoleChoice(role.groupId(), role.label(), role.workedAtAgency())).toList());
        model.addAttribute("agencies", accounts.agencies());
    }

    private static List<String> roleIds(StaffAccounts.Account account) {
        return account.roles().stream().map(Role::groupId).toList();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** As the API: only system administrators manage accounts. */
    private static void requireAdmin(Staff staff) {
        StaffAccountController.requireAdmin(staff);
    }
}
