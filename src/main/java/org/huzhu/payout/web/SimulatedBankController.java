package org.huzhu.payout.web;

import java.util.List;

import org.huzhu.payout.SimulatedBankAccounts;
import org.huzhu.payout.SimulatedBankAccounts.ClosedAccount;
import org.huzhu.platform.DomainException;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's bank: admins close an account there and reopen it, to show a returned transfer.
 * The number travels in the body, never in the address, so that no access log keeps it.
 */
@RestController
@RequestMapping("/api/admin/simulated-bank")
class SimulatedBankController {

    private final SimulatedBankAccounts accounts;

    SimulatedBankController(SimulatedBankAccounts accounts) {
        this.accounts = accounts;
    }

    record Account(String accountNumber) {
    }

    @GetMapping("/closed-accounts")
    List<ClosedAccount> closed(@AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        return accounts.closed();
    }

    /** Answers the closed accounts after the change. */
    @PostMapping("/accounts/close")
    List<ClosedAccount> close(@RequestBody Account account, @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        return accounts.close(account.accountNumber(), staff);
    }

    /** Answers the closed accounts after the change. */
    @PostMapping("/accounts/reopen")
    List<ClosedAccount> reopen(@RequestBody Account account, @AuthenticationPrincipal Staff staff) {
        requireAdmin(staff);
        return accounts.reopen(account.accountNumber(), staff);
    }

    private static void requireAdmin(Staff staff) {
        if (!staff.has(Role.ADMIN)) {
            throw DomainException.forbidden("NOT_ADMIN", "只有系统管理员可以操作模拟银行");
        }
    }
}
