package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.huzhu.platform.Csv;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the bank's result files (layout in the README), each in one transaction with the
 * claims it pays. A file is recorded by name, and every line moves an instruction only from
 * in-batch or sent, so a file read twice, or its lines sent again, pays nobody twice. Every
 * line is {@code R,batch number,instruction id,amount,CONFIRMED|RETURNED,reason}.
 */
@Service
public class BankResults {

    private final JdbcClient jdbc;
    private final Payouts payouts;
    private final Bank bank;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BankResults(JdbcClient jdbc, Payouts payouts, Bank bank, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.payouts = payouts;
        this.bank = bank;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Reads every waiting result file; the number of instructions answered for the first time.
     * A file is put away only on a later run, once its record is surely committed (in the
     * engine's job the transaction ends after this returns).
     */
    public int read() {
        int answered = 0;
        for (Path file : bank.results()) {
            if (alreadyRead(file)) {
                bank.read(file);
            } else {
                answered += transaction.execute(status -> readOne(file));
            }
        }
        return answered;
    }

    /** A result file as it was read: when, and how many lines it had. */
    public record ResultFile(String name, Instant readAt, int lines) {
    }

    /** The result files read, newest first, at most {@code limit}. */
    public List<ResultFile> files(int limit) {
        return jdbc.sql("select file_name, read_at, lines from bank_result_file order by read_at desc, file_name limit :limit")
                .param("limit", limit)
                .query((row, n) -> new ResultFile(row.getString(1), row.getTimestamp(2).toInstant(), row.getInt(3)))
                .list();
    }

    private boolean alreadyRead(Path file) {
        return jdbc.sql("select count(*) from bank_result_file where file_name = :name")
                .param("name", file.getFileName().toString()).query(Long.class).single() > 0;
    }

    private int readOne(Path file) {
        List<String> lines = lines(file);
        if (lines == null) {
            return 0;
        }
        int first = jdbc.sql("""
                        insert into bank_result_file (file_name, read_at, lines) values (:name, :at, :lines)
                        on conflict do nothing""")
                .param("name", file.getFileName().toString()).param("at", Timestamp.from(clock.instant()))
                .param("lines", lines.size()).update();
        if (first == 0) {
            return 0;
        }
        int answered = 0;
        for (String line : lines) {
            List<String> f = Csv.fields(line);
            long instruction = Long.parseLong(f.get(2));
            BigDecimal amount = new BigDecimal(f.get(3));
            boolean changed = switch (f.get(4)) {
                case "CONFIRMED" -> payouts.confirmed(instruction, amount, f.get(1));
                case "RETURNED" -> payouts.returned(instruction, amount, f.get(1), f.size() > 5 ? f.get(5) : null);
                default -> throw new IllegalStateException("result " + f.get(4) + " in " + file);
            };
            answered += changed ? 1 : 0;
        }
        return answered;
    }

    /** The file's lines; null when another node has read it and put it away meanwhile (it is recorded then). */
    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
