package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.huzhu.platform.Csv;

/**
 * A batch as the bank gets it (layout in the README): a header, one line per instruction,
 * and a total line. Built from the database rows alone, so writing it again after a crash
 * gives the same bytes.
 */
record BatchFile(String batchNo, LocalDate businessDate, List<Line> lines) {

    record Line(long instructionId, String accountNumber, String accountName, String bankName, BigDecimal amount,
                long claimId) {
    }

    String fileName() {
        return batchNo + ".csv";
    }

    BigDecimal total() {
        return lines.stream().map(Line::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    String content() {
        StringBuilder text = new StringBuilder(Csv.line("H", batchNo, businessDate, lines.size()));
        for (Line line : lines) {
            text.append(Csv.line("D", line.instructionId(), line.accountNumber(), line.accountName(), line.bankName(),
                    line.amount().toPlainString(), "互助金申领" + line.claimId()));
        }
        return text.append(Csv.line("T", lines.size(), total().toPlainString())).toString();
    }
}
