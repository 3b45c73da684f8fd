package org.huzhu.payout.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.huzhu.audit.AuditTrail;
import org.huzhu.payout.AwaitingAccountFix;
import org.huzhu.payout.BankResults;
import org.huzhu.payout.PaymentBatch;
import org.huzhu.payout.PaymentBatches;
import org.huzhu.payout.PaymentInstructions;
import org.huzhu.payout.PaymentStatus;
import org.huzhu.payout.Reconciliations;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Finance's pages on money going out: the payment batches and their files, instructions by status, returns. */
@WorkbenchController
class PaymentPages {

    /** Lists show this many rows at most, the newest first; older ones are in the reconciliation by day. */
    static final int LIST_LIMIT = 200;

    private final PaymentBatches batches;
    private final PaymentInstructions instructions;
    private final BankResults bankResults;
    private final Reconciliations reconciliations;
    private final AuditTrail audit;

    PaymentPages(PaymentBatches batches, PaymentInstructions instructions, BankResults bankResults,
                 Reconciliations reconciliations, AuditTrail audit) {
        this.batches = batches;
        this.instructions = instructions;
        this.bankResults = bankResults;
        this.reconciliations = reconciliations;
        this.audit = audit;
    }

    /** A batch row: its times in Beijing. */
    record BatchRow(long id, String fileName, LocalDate businessDate, int lineCount, BigDecimal total,
                    boolean sent, LocalDateTime createdAt, LocalDateTime sentAt) {

        static BatchRow of(PaymentBatch batch) {
            return new BatchRow(batch.id(), batch.fileName(), batch.businessDate(), batch.lineCount(), batch.total(),
                    batch.sent(), PaymentLine.beijing(batch.createdAt()), PaymentLine.beijing(batch.sentAt()));
        }
    }

    record ResultFileRow(String name, LocalDateTime readAt, int lines) {
    }

    @GetMapping("/finance/batches")
    String batches(@RequestParam(required = false) String day, @AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        List<PaymentBatch> shown;
        if (day == null || day.isBlank()) {
            shown = batches.recent(LIST_LIMIT);
        } else {
            LocalDate date = day(day, model);
            shown = date == null ? List.of() : batches.ofDay(date);
        }
        model.addAttribute("day", day);
        model.addAttribute("batches", shown.stream().map(BatchRow::of).toList());
        model.addAttribute("resultFiles", bankResults.files(20).stream()
                .map(file -> new ResultFileRow(file.name(), PaymentLine.beijing(file.readAt()), file.lines())).toList());
        model.addAttribute("crumbs", List.of(Crumb.here("付款批次")));
        return "payout/batches";
    }

    @GetMapping("/finance/batches/{id}")
    String batch(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        PaymentBatch batch = batches.find(id)
                .orElseThrow(() -> DomainException.notFound("BATCH_NOT_FOUND", "付款批次不存在"));
        model.addAttribute("batch", BatchRow.of(batch));
        model.addAttribute("report", reconciliations.ofBatch(id));
        model.addAttribute("lines", instructions.ofBatch(id).stream().map(PaymentLine::of).toList());
        model.addAttribute("claimLinks", readsEveryClaim(staff));
        model.addAttribute("crumbs", List.of(new Crumb("付款批次", "/finance/batches"), Crumb.here(batch.fileName())));
        return "payout/batch";
    }

    /** The batch's lines as a file, accounts masked as on the page (the full numbers are in the bank's file only). */
    @GetMapping("/finance/batches/{id}/{format:xlsx|csv}")
    ResponseEntity<?> batchFile(@PathVariable long id, @PathVariable String format, @AuthenticationPrincipal Staff staff) {
        FinanceController.requireFinanceReader(staff);
        PaymentBatch batch = batches.find(id)
                .orElseThrow(() -> DomainException.notFound("BATCH_NOT_FOUND", "付款批次不存在"));
        List<PaymentLine> lines = instructions.ofBatch(id).stream().map(PaymentLine::of).toList();
        audit.listExported(staff.userId(), "payment-batch", format, lines.size(), "批次 " + batch.fileName());
        return Spreadsheet.download(format, "付款明细-" + batch.fileName().replaceFirst("\\.csv$", ""),
                PaymentLine.sheet("付款明细", lines));
    }

    /** A tab per status with its count; the instructions of the chosen one, newest first. */
    @GetMapping("/finance/instructions")
    String instructions(@RequestParam(defaultValue = "SENT") String status, @AuthenticationPrincipal Staff staff,
                        Model model) {
        FinanceController.requireFinanceReader(staff);
        PaymentStatus chosen = status(status);
        Map<PaymentStatus, Long> counts = instructions.countsByStatus();
        model.addAttribute("tabs", Arrays.stream(PaymentStatus.values())
                .map(s -> new StatusTab(s.name(), s.label(), counts.getOrDefault(s, 0L), s == chosen)).toList());
        model.addAttribute("chosen", chosen.label());
        model.addAttribute("lines", instructions.withStatus(chosen, LIST_LIMIT).stream().map(PaymentLine::of).toList());
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute("status", chosen.name());
        model.addAttribute("exportable", counts.getOrDefault(chosen, 0L) <= Spreadsheet.ROW_LIMIT);
        model.addAttribute("claimLinks", readsEveryClaim(staff));
        model.addAttribute("crumbs", List.of(Crumb.here("付款指令")));
        return "payout/instructions";
    }

    record StatusTab(String status, String label, long count, boolean active) {
    }

    /** Every instruction in the status as a file, newest first; beyond 20,000 the reconciliation by day has them. */
    @GetMapping("/finance/instructions/{format:xlsx|csv}")
    ResponseEntity<?> instructionsFile(@PathVariable String format, @RequestParam(defaultValue = "SENT") String status,
                                       @AuthenticationPrincipal Staff staff) {
        FinanceController.requireFinanceReader(staff);
        PaymentStatus chosen = status(status);
        List<PaymentLine> lines = instructions.withStatus(chosen, Spreadsheet.ROW_LIMIT + 1).stream()
                .map(PaymentLine::of).toList();
        Spreadsheet.requireWithinLimit(lines.size(), "付款指令");
        audit.listExported(staff.userId(), "payment-instructions", format, lines.size(), "状态 " + chosen.label());
        return Spreadsheet.download(format, "付款指令-" + chosen.label(), PaymentLine.sheet(chosen.label(), lines));
    }

    private static PaymentStatus status(String status) {
        return Arrays.stream(PaymentStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> new InvalidInputException("status", "UNKNOWN_STATUS", "没有这个付款状态：" + status));
    }

    record ReturnRow(long instructionId, long claimId, int attempt, BigDecimal amount, String bankName,
                     String accountMasked, String returnReason, long batchId, String batchFile, LocalDateTime returnedAt) {

        static ReturnRow of(AwaitingAccountFix fix) {
            return new ReturnRow(fix.instructionId(), fix.claimId(), fix.attempt(), fix.amount(), fix.bankName(),
                    fix.accountMasked(), fix.returnReason(), fix.batchId(), fix.batchFile(),
                    PaymentLine.beijing(fix.returnedAt()));
        }
    }

    @GetMapping("/finance/returns")
    String returns(@AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        model.addAttribute("returns", instructions.awaitingAccountFix().stream().map(ReturnRow::of).toList());
        model.addAttribute("claimLinks", readsEveryClaim(staff));
        model.addAttribute("crumbs", List.of(Crumb.here("退票待更正")));
        return "payout/returns";
    }

    /** The returns waiting for an account as a file, accounts masked. */
    @GetMapping("/finance/returns/{format:xlsx|csv}")
    ResponseEntity<?> returnsFile(@PathVariable String format, @AuthenticationPrincipal Staff staff) {
        FinanceController.requireFinanceReader(staff);
        List<ReturnRow> rows = instructions.awaitingAccountFix().stream().map(ReturnRow::of).toList();
        audit.listExported(staff.userId(), "payment-returns", format, rows.size(), "");
        return Spreadsheet.download(format, "退票待更正", new Spreadsheet.Sheet("退票待更正",
                List.of("申请编号", "第几次付款", "退票批次", "收款银行", "原账号（脱敏）", "金额（元）", "退票原因", "退票时间"),
                rows.stream().map(row -> Arrays.<Object>asList(String.valueOf(row.claimId()), row.attempt(),
                        row.batchFile(), row.bankName(), row.accountMasked(), row.amount(), row.returnReason(),
                        row.returnedAt())).toList()));
    }

    /** A day typed into a filter; null, with the problem at the field, when it is not a date. */
    static LocalDate day(String day, Model model) {
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("errors", Map.of("day", "日期格式应为YYYY-MM-DD，如2026-12-02"));
            return null;
        }
    }

    /** Finance sees which claim a payment is for, not the claim itself; supervisors and admins open it. */
    static boolean readsEveryClaim(Staff staff) {
        return staff.hasAny(Role.SUPERVISOR, Role.ADMIN);
    }
}
