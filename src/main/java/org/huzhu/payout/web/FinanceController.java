package org.huzhu.payout.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.huzhu.payout.ContributionInput;
import org.huzhu.payout.Fund;
import org.huzhu.payout.FundBalance;
import org.huzhu.payout.Reconciliation;
import org.huzhu.payout.Reconciliations;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance: the fund's money in and out, and reconciliation of batches with the bank. */
@RestController
class FinanceController {

    private final Fund fund;
    private final Reconciliations reconciliations;

    FinanceController(Fund fund, Reconciliations reconciliations) {
        this.fund = fund;
        this.reconciliations = reconciliations;
    }

    @PostMapping("/api/fund/contributions")
    ResponseEntity<Map<String, Long>> record(@RequestBody ContributionInput input, @AuthenticationPrincipal Staff staff) {
        requireFinanceRecorder(staff);
        long id = fund.record(input, staff);
        return ResponseEntity.created(URI.create("/api/fund/contributions/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/fund/balance")
    FundBalance balance(@RequestParam String scheme, @RequestParam int schemeYear, @AuthenticationPrincipal Staff staff) {
        requireFinanceReader(staff);
        return fund.balance(scheme, schemeYear);
    }

    @GetMapping("/api/payout/batches/{id}/reconciliation")
    ResponseEntity<?> batch(@PathVariable long id, @RequestParam(required = false) String format,
                            @AuthenticationPrincipal Staff staff) {
        requireFinanceReader(staff);
        return answer(reconciliations.ofBatch(id), format, "batch-" + id);
    }

    @GetMapping("/api/payout/reconciliation")
    ResponseEntity<?> day(@RequestParam String day, @RequestParam(required = false) String format,
                          @AuthenticationPrincipal Staff staff) {
        requireFinanceReader(staff);
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", "INVALID_DATE", "日期格式应为YYYY-MM-DD");
        }
        return answer(reconciliations.ofDay(date), format, "day-" + date);
    }

    private static ResponseEntity<?> answer(Reconciliation report, String format, String name) {
        return "csv".equals(format) ? ReconciliationDownload.csv(report, name) : ResponseEntity.ok(report);
    }

    /** Batches, payments, returns, reconciliation and the fund: finance, supervisors and administrators. */
    static void requireFinanceReader(Staff staff) {
        if (!staff.hasAny(Role.FINANCE, Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_FINANCE", "只有财务人员、督办人员和系统管理员可以查看资金和对账");
        }
    }

    /** Money into the fund is recorded by finance and administrators. */
    static void requireFinanceRecorder(Staff staff) {
        if (!staff.hasAny(Role.FINANCE, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_FINANCE", "只有财务人员和系统管理员可以登记缴费和补贴");
        }
    }
}
