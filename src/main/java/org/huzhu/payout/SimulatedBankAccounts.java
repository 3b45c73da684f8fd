package org.huzhu.payout;

import java.util.List;

import org.huzhu.audit.AuditTrail;
import org.huzhu.membership.BankAccountNumber;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.Problems;
import org.huzhu.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accounts closed at the simulated bank, changed at run time by an admin: the demo shows a
 * transfer coming back (the clerk fixes the account, the next batch pays) without a restart
 * with other configuration. A real bank closes accounts itself, so with it there is none of
 * this (404). Account numbers are answered, logged and audited masked.
 */
@Service
public class SimulatedBankAccounts {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBankAccounts.class);

    private final Bank bank;
    private final AuditTrail audit;

    SimulatedBankAccounts(Bank bank, AuditTrail audit) {
        this.bank = bank;
        this.audit = audit;
    }

    public record ClosedAccount(String accountNumberMasked, SimulatedBank.ClosedBy closedBy) {
    }

    public List<ClosedAccount> closed() {
        return closed(simulator());
    }

    /** From the next batch on, the simulated bank returns transfers to the account. */
    public List<ClosedAccount> close(String accountNumber, Staff admin) {
        SimulatedBank simulator = simulator();
        check(accountNumber);
        if (simulator.close(accountNumber)) {
            recorded(admin, "SIMULATED_BANK_ACCOUNT_CLOSED", accountNumber);
        }
        return closed(simulator);
    }

    /** The account takes transfers again; one closed by the start-up configuration stays closed (409). */
    public List<ClosedAccount> reopen(String accountNumber, Staff admin) {
        SimulatedBank simulator = simulator();
        check(accountNumber);
        if (simulator.closedBy(accountNumber) == SimulatedBank.ClosedBy.CONFIGURATION) {
            throw DomainException.conflict("CLOSED_BY_CONFIGURATION",
                    "此账户由启动配置（huzhu.payout.returned-accounts）设为销户，须改配置并重启后才能重开");
        }
        if (simulator.reopen(accountNumber)) {
            recorded(admin, "SIMULATED_BANK_ACCOUNT_REOPENED", accountNumber);
        }
        return closed(simulator);
    }

    private SimulatedBank simulator() {
        if (bank instanceof SimulatedBank simulator) {
            return simulator;
        }
        throw DomainException.notFound("NO_SIMULATED_BANK",
                "本系统连接的是真实银行（huzhu.payout.bank=file），没有模拟银行；账户是否销户以银行的结果文件为准");
    }

    private static void check(String accountNumber) {
        Problems problems = new Problems();
        if (accountNumber == null || accountNumber.isBlank()) {
            problems.add("accountNumber", "REQUIRED", "请填写银行账号");
        } else if (!BankAccountNumber.isWellFormed(accountNumber)) {
            problems.add("accountNumber", "INVALID_ACCOUNT_NUMBER", "银行账号应为12到30位数字");
        }
        problems.throwIfAny();
    }

    private void recorded(Staff admin, String action, String accountNumber) {
        String masked = BankAccountNumber.mask(accountNumber);
        audit.record(admin.userId(), action, "BANK_ACCOUNT", masked, null, null);
        log.info("Simulated bank: {} for account {} by {}", action, masked, admin.userId());
    }

    private static List<ClosedAccount> closed(SimulatedBank simulator) {
        return simulator.closedAccounts().entrySet().stream()
                .map(closed -> new ClosedAccount(BankAccountNumber.mask(closed.getKey()), closed.getValue())).toList();
    }
}
