package org.huzhu.payout;

import java.math.BigDecimal;
import java.util.List;

import org.huzhu.platform.Csv;

/**
 * What finance checks against the bank statement, for one batch or one business day:
 * instructions sent, confirmed and returned with their amounts, the amounts per funder, and
 * every line. {@code unanswered} is what is in a batch the bank has not answered yet.
 */
public record Reconciliation(String scope, int instructions, BigDecimal total, int confirmed,
                             BigDecimal confirmedAmount, int returned, BigDecimal returnedAmount, int unanswered,
                             BigDecimal unansweredAmount, List<FunderTotal> funders, List<Line> lines) {

    public record FunderTotal(String code, String name, BigDecimal confirmedAmount, BigDecimal returnedAmount) {
    }

    public record Line(String batch, long instructionId, long claimId, int attempt, String accountMasked,
                       BigDecimal amount, PaymentStatus status, String returnReason) {
    }

    /** The report as CSV: a summary block, the funders, then the lines (UTF-8 with BOM for Excel). */
    public String csv() {
        StringBuilder text = new StringBuilder("\uFEFF");
        text.append(Csv.sheetLine("对账范围", scope));
        text.append(Csv.sheetLine("指令笔数", instructions, "金额", total.toPlainString()));
        text.append(Csv.sheetLine("已入账笔数", confirmed, "金额", confirmedAmount.toPlainString()));
        text.append(Csv.sheetLine("退票笔数", returned, "金额", returnedAmount.toPlainString()));
        text.append(Csv.sheetLine("待回盘笔数", unanswered, "金额", unansweredAmount.toPlainString()));
        text.append(Csv.sheetLine("出资方编码", "出资方", "已入账金额", "退票金额"));
        funders.forEach(f -> text.append(Csv.sheetLine(f.code(), f.name(), f.confirmedAmount().toPlainString(),
                f.returnedAmount().toPlainString())));
        text.append(Csv.sheetLine("批次", "指令编号", "申请编号", "第几次付款", "账号", "金额", "状态", "退票原因"));
        lines.forEach(l -> text.append(Csv.sheetLine(l.batch(), l.instructionId(), l.claimId(), l.attempt(), l.accountMasked(),
                l.amount().toPlainString(), l.status().label(), l.returnReason())));
        return text.toString();
    }
}
