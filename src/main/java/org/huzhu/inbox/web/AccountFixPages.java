package org.huzhu.inbox.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.BankAccount;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimIntake;
import org.huzhu.claim.ClaimPayments;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.Claims;
import org.huzhu.inbox.AccountFixes;
import org.huzhu.inbox.AuditorTask;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfers the bank returned (退票): the clerk's list of claims waiting for a new account,
 * and the form that fixes it; the claim is then paid in a later batch. On the clerk's home,
 * how many wait.
 */
@WorkbenchController
class AccountFixPages implements WorkbenchMenu, HomeFigures {

    static final int SHOWN = 100;
    private static final Set<String> COUNTER = Set.of(Role.CLERK.authority(), Role.ADMIN.authority());
    private static final Crumb LIST = new Crumb("退票待更正", "/intake/account-fixes");

    /** A returned transfer as the list shows it. */
    record Returned(AuditorTask task, String reason, String accountMasked) {
    }

    private final AccountFixes fixes;
    private final Claims claims;
    private final ClaimIntake intake;
    private final ClaimPayments payments;
    private final ClaimSummaries summaries;
    private final AuditTrail audit;

    AccountFixPages(AccountFixes fixes, Claims claims, ClaimIntake intake, ClaimPayments payments,
                    ClaimSummaries summaries, AuditTrail audit) {
        this.audit = audit;
        this.fixes = fixes;
        this.claims = claims;
        this.intake = intake;
        this.payments = payments;
        this.summaries = summaries;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.INTAKE, "退票待更正", "/intake/account-fixes", COUNTER, false));
    }

    @Override
    public List<HomeFigure> figuresFor(Authentication who) {
        if (!(who.getPrincipal() instanceof Staff staff) || !staff.has(Role.CLERK)) {
            return List.of();
        }
        return List.of(new HomeFigure("退票待更正账户", fixes.countReturned(staff), "/intake/account-fixes",
                HomeFigure.Tone.ALARM));
    }

    @GetMapping("/intake/account-fixes")
    String returned(@AuthenticationPrincipal Staff staff, Model model) {
        List<Returned> returned = returned(staff, SHOWN + 1);
        model.addAttribute("returned", returned.stream().limit(SHOWN).toList());
        model.addAttribute("more", returned.size() > SHOWN);
        model.addAttribute("crumbs", List.of(Crumb.here("退票待更正")));
        return "inbox/account-fixes";
    }

    /** The whole list as a file (ID and account numbers masked), to phone the members down; each download recorded. */
    @GetMapping("/intake/account-fixes/{format:xlsx|csv}")
    ResponseEntity<?> returnedFile(@PathVariable String format, @AuthenticationPrincipal Staff staff) {
        List<Returned> returned = returned(staff, Spreadsheet.ROW_LIMIT + 1);
        Spreadsheet.requireWithinLimit(returned.size(), "退票待更正");
        audit.listExported(staff.userId(), "account-fixes", format, returned.size(), "");
        return Spreadsheet.download(format, "退票待更正账户", new Spreadsheet.Sheet("退票待更正账户",
                List.of("申请编号", "参保人", "身份证号（脱敏）", "补助金额（元）", "原收款账户（脱敏）", "退票原因", "退回时间"),
                returned.stream().map(r -> Arrays.<Object>asList(String.valueOf(r.task().claimId()), r.task().memberName(),
                        r.task().memberIdNumberMasked(), r.task().subsidy(), r.accountMasked(), r.reason(),
                        r.task().created().atZoneSameInstant(Beijing.ZONE).toLocalDateTime())).toList()));
    }

    /** The returned transfers waiting for the caller's groups, most urgent first, with the payments read in one go. */
    private List<Returned> returned(Staff staff, int limit) {
        List<AuditorTask> tasks = fixes.returned(staff, limit);
        Map<Long, List<ClaimPayments.Line>> lines = payments.ofClaims(tasks.stream().map(AuditorTask::claimId).toList());
        return tasks.stream().map(task -> {
            Optional<ClaimPayments.Line> line = ClaimPayments.lastReturned(lines.getOrDefault(task.claimId(), List.of()));
            return new Returned(task, line.map(ClaimPayments.Line::returnReason).orElse(null),
                    line.map(ClaimPayments.Line::accountMasked).orElse(null));
        }).toList();
    }

    @GetMapping("/intake/claims/{id}/bank-account")
    String fixForm(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model,
                   HttpServletResponse response) {
        Claim claim = intake.atCounter(id, staff);
        if (!fixes.awaitsFix(id)) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", "此申请没有被银行退回、待更正账户的付款。");
        }
        return form(claim, new ClaimSubmission.BankAccountInput(null, null, null), FieldErrors.none(), model);
    }

    /** Fixes the account; the same account sent twice (a double click) fixes it once. */
    @PostMapping("/intake/claims/{id}/bank-account")
    String fix(@PathVariable long id, @ModelAttribute ClaimSubmission.BankAccountInput account,
               @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        Claim claim = intake.atCounter(id, staff);
        ClaimSubmission.BankAccountInput typed = new ClaimSubmission.BankAccountInput(account.bankName(),
                account.accountNumber() == null ? null : account.accountNumber().replaceAll("\\s", ""),
                account.accountName());
        try {
            fixes.fix(id, typed, staff);
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(claim, account, FieldErrors.none().addAll(invalid.problems(),
                    field -> field.replace("bankAccount.", "")), model);
        } catch (DomainException refused) {
            if (refused.status() != HttpStatus.CONFLICT) {
                throw refused;
            }
            // no returned payment any more: fixed by the first of two clicks, or by someone else
            Claim now = claims.get(id);
            if (!now.bankAccount().accountNumber().equals(typed.accountNumber())) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("stale", refused.getMessage() + "，账户未更正。");
                return form(now, account, FieldErrors.none(), model);
            }
        }
        redirect.addFlashAttribute("notice", "申请" + id + "的收款账户已更正为"
                + new BankAccount(typed.bankName(), typed.accountNumber(), typed.accountName()) + "，将在下一批次支付。");
        return "redirect:/intake/account-fixes";
    }

    private String form(Claim claim, ClaimSubmission.BankAccountInput account, FieldErrors errors, Model model) {
        model.addAttribute("claim", claim);
        model.addAttribute("summary", summaries.byClaim(claim.id()));
        model.addAttribute("payment", ClaimPayments.lastReturned(payments.of(claim.id())).orElse(null));
        model.addAttribute("form", account);
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", List.of(LIST, Crumb.here("更正收款账户 · 申请" + claim.id())));
        return "inbox/account-fix";
    }
}
