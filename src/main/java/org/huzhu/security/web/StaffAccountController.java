package org.huzhu.security.web;

import java.net.URI;
import java.util.List;

import org.huzhu.platform.DomainException;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffAccounts;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class StaffAccountController {

    private final StaffAccounts accounts;

    StaffAccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    record NewAccount(String id, String name, String password, List<String> roles, String agencyCode) {
    }

    record Roles(List<String> roles, String agencyCode) {
    }

    record Password(String password) {
    }

    /** The signed-in person's own account: roles and agencies, for clients to shape their screens. */
    @GetMapping("/me")
    StaffAccounts.Account me(@AuthenticationPrincipal Staff staff) {
        return accounts.get(staff.userId());
    }

    /** Every account, or with {@code locked=true} those whose sign-in is refused now after wrong passwords. */
    @GetMapping
    List<StaffAccounts.Account> list(@RequestParam(defaultValue = "false") boolean locked,
                                     @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        return locked ? accounts.locked() : accounts.list();
    }

    @PostMapping
    ResponseEntity<StaffAccounts.Account> create(@RequestBody NewAccount account, @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        StaffAccounts.Account created = accounts.create(account.id(), account.name(), account.password(),
                account.roles(), account.agencyCode(), staff.userId());
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @PutMapping("/{id}/roles")
    StaffAccounts.Account changeRoles(@PathVariable String id, @RequestBody Roles roles,
                                      @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        return accounts.changeRoles(id, roles.roles(), roles.agencyCode(), staff.userId());
    }

    /** Also unlocks an account locked after wrong passwords. */
    @PostMapping("/{id}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String id, @RequestBody Password password,
                                       @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        accounts.resetPassword(id, password.password(), staff.userId());
        return ResponseEntity.noContent().build();
    }

    static void requireAdmin(Staff staff) {
        if (!staff.has(Role.ADMIN)) {
            throw DomainException.forbidden("NOT_ADMIN", "只有系统管理员可以管理用户");
        }
    }
}
