package org.huzhu.payout.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.huzhu.payout.PaymentInstruction;
import org.huzhu.payout.PaymentStatus;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Spreadsheet;

/**
 * A payment instruction as finance's pages show it: the account masked (the full number is the
 * bank's, never a page's), the status in Chinese with its colour.
 */
record PaymentLine(long id, long claimId, int attempt, Long batchId, String bankName, String accountName,
                   String accountMasked, BigDecimal amount, String status, String tone, String returnReason,
                   LocalDateTime createdAt) {

    static PaymentLine of(PaymentInstruction instruction) {
        return new PaymentLine(instruction.id(), instruction.claimId(), instruction.attempt(), instruction.batchId(),
                instruction.bankName(), instruction.accountName(), instruction.accountMasked(), instruction.amount(),
                instruction.status().label(), TONES.get(instruction.status()), instruction.returnReason(),
                beijing(instruction.createdAt()));
    }

    /** Lines as a sheet with the page's columns; the account masked, times in Beijing. */
    static Spreadsheet.Sheet sheet(String title, List<PaymentLine> lines) {
        return new Spreadsheet.Sheet(title, List.of("指令编号", "申请编号", "第几次付款", "批次", "收款银行", "户名",
                "账号（脱敏）", "金额（元）", "生成时间", "状态", "退票原因"), lines.stream().map(line -> Arrays.<Object>asList(
                String.valueOf(line.id()), String.valueOf(line.claimId()), line.attempt(),
                line.batchId() == null ? null : String.valueOf(line.batchId()), line.bankName(), line.accountName(),
                line.accountMasked(), line.amount(), line.createdAt(), line.status(), line.returnReason())).toList());
    }

    /** The tag's class by status: paid is good, returned needs someone, the rest is on its way. */
    static final Map<PaymentStatus, String> TONES = Map.of(PaymentStatus.PENDING, "", PaymentStatus.IN_BATCH, "",
            PaymentStatus.SENT, "", PaymentStatus.CONFIRMED, "ok", PaymentStatus.RETURNED, "alarm");

    static LocalDateTime beijing(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, Beijing.ZONE);
    }
}
