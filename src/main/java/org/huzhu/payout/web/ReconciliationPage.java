package org.huzhu.payout.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.huzhu.payout.PaymentBatches;
import org.huzhu.payout.Reconciliation;
import org.huzhu.payout.Reconciliations;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reconciliation with the bank's statement, per batch or per business day (today unless
 * another is asked for), on the page and as a CSV file for Excel, the same report as the API's.
 */
@WorkbenchController
class ReconciliationPage {

    private final Reconciliations reconciliations;
    private final PaymentBatches batches;
    private final Clock clock;

    ReconciliationPage(Reconciliations reconciliations, PaymentBatches batches, Clock clock) {
        this.reconciliations = reconciliations;
        this.batches = batches;
        this.clock = clock;
    }

    @GetMapping("/finance/reconciliation")
    String reconciliation(@RequestParam(required = false) Long batch, @RequestParam(required = false) String day,
                          @AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        model.addAttribute("recentBatches", batches.recent(PaymentPages.LIST_LIMIT).stream()
                .map(PaymentPages.BatchRow::of).toList());
        model.addAttribute("claimLinks", PaymentPages.readsEveryClaim(staff));
        model.addAttribute("tones", PaymentLine.TONES);
        model.addAttribute("crumbs", List.of(Crumb.here("对账")));
        if (batch != null) {
            model.addAttribute("batch", batch);
            model.addAttribute("report", reconciliations.ofBatch(batch));
            model.addAttribute("download", "/finance/reconciliation/csv?batch=" + batch);
            return "payout/reconciliation";
        }
        LocalDate date = day == null || day.isBlank() ? today() : PaymentPages.day(day, model);
        model.addAttribute("day", date == null ? day : date.toString());
        if (date != null) {
            model.addAttribute("report", reconciliations.ofDay(date));
            model.addAttribute("download", "/finance/reconciliation/csv?day=" + date);
        }
        return "payout/reconciliation";
    }

    @GetMapping("/finance/reconciliation/csv")
    ResponseEntity<String> download(@RequestParam(required = false) Long batch, @RequestParam(required = false) String day,
                                    @AuthenticationPrincipal Staff staff) {
        FinanceController.requireFinanceReader(staff);
        if (batch != null) {
            return ReconciliationDownload.csv(reconciliations.ofBatch(batch), "batch-" + batch);
        }
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? today() : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", "INVALID_DATE", "日期格式应为YYYY-MM-DD，如2026-12-02");
        }
        Reconciliation report = reconciliations.ofDay(date);
        return ReconciliationDownload.csv(report, "day-" + date);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Beijing.ZONE));
    }
}
