package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.huzhu.platform.Beijing;
import org.huzhu.sla.WorkingDayCalendars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts pending instructions into batches and sends them to the bank, in two steps that each
 * commit: a batch is recorded before its file exists, and marked sent only after the bank
 * took the file. A run that dies between the two leaves the batch unsent, and the next run
 * writes the same file again from the database and sends it again; the bank refuses a batch
 * number it has. Two nodes making batches at once queue on an advisory lock. Finance reads
 * the batches here too.
 */
@Service
public class PaymentBatches {

    private static final Logger log = LoggerFactory.getLogger(PaymentBatches.class);
    private static final long BATCH_LOCK = 0x7007_0001L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final PaymentInstructions instructions;
    private final Bank bank;
    private final PayoutSettings settings;
    private final WorkingDayCalendars calendars;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaymentBatches(JdbcClient jdbc, PaymentInstructions instructions, Bank bank, PayoutSettings settings,
                   WorkingDayCalendars calendars, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.instructions = instructions;
        this.bank = bank;
        this.settings = settings;
        this.calendars = calendars;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The batch run's cron: every minute with the simulator, the configured time otherwise. */
    public String cycle() {
        return bank.simulated() ? settings.demoBatchCycle() : settings.batchCycle();
    }

    /** How often result files are looked for between batch runs: a real bank answers later. */
    public String resultCycle() {
        return bank.simulated() ? settings.demoBatchCycle() : settings.resultCycle();
    }

    private static final String BATCH_COLUMNS =
            "select id, business_date, file_name, line_count, total, created_at, sent_at from payment_batch";

    /** The newest batches first, at most {@code limit}. */
    public List<PaymentBatch> recent(int limit) {
        return jdbc.sql(BATCH_COLUMNS + " order by id desc limit :limit").param("limit", limit)
                .query(PaymentBatches::batch).list();
    }

    /** The batches made on a business day (Beijing), in the order they were made. */
    public List<PaymentBatch> ofDay(LocalDate day) {
        return jdbc.sql(BATCH_COLUMNS + " where business_date = :day order by id").param("day", day)
                .query(PaymentBatches::batch).list();
    }

    public Optional<PaymentBatch> find(long id) {
        return jdbc.sql(BATCH_COLUMNS + " where id = :id").param("id", id).query(PaymentBatches::batch).optional();
    }

    private static PaymentBatch batch(ResultSet row, int n) throws SQLException {
        Timestamp sent = row.getTimestamp("sent_at");
        return new PaymentBatch(row.getLong("id"), row.getObject("business_date", LocalDate.class),
                row.getString("file_name"), row.getInt("line_count"), row.getBigDecimal("total"),
                row.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }

    /** Every pending instruction into one new batch; none on a day off (the simulator works every day). */
    public Optional<Long> collect() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Beijing.ZONE);
        if (!bank.simulated() && !calendars.current().isWorkingDay(today)) {
            return Optional.empty();
        }
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", BATCH_LOCK).query().singleRow();
            // the rows locked here are the batch: an instruction that a claim commits meanwhile waits for the next one
            List<Map.Entry<Long, BigDecimal>> pending = jdbc.sql("""
                            select id, amount from payment_instruction where status = 'PENDING' order by id for update""")
                    .query((row, n) -> Map.entry(row.getLong("id"), row.getBigDecimal("amount"))).list();
            if (pending.isEmpty()) {
                return Optional.<Long>empty();
            }
            long id = jdbc.sql("select nextval('payment_batch_id_seq')").query(Long.class).single();
            String fileName = "HZ" + DAY.format(today) + "-" + String.format("%06d", id) + ".csv";
            jdbc.sql("""
                            insert into payment_batch (id, business_date, file_name, line_count, total, status, created_at)
                            values (:id, :day, :file, :count, :total, 'CREATED', :at)""")
                    .param("id", id).param("day", today).param("file", fileName).param("count", pending.size())
                    .param("total", pending.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .param("at", Timestamp.from(now)).update();
            List<Long> taken = pending.stream().map(Map.Entry::getKey).toList();
            jdbc.sql("update payment_instruction set status = 'IN_BATCH', batch_id = :batch, updated_at = :at where id in (:ids)")
                    .param("batch", id).param("at", Timestamp.from(now)).param("ids", taken).update();
            taken.forEach(i -> instructions.recordMove(i, "PENDING", PaymentStatus.IN_BATCH, "编入批次" + fileName, now));
            log.info("Payment batch {}: {} instructions", fileName, taken.size());
            return Optional.of(id);
        });
    }

    /** Sends every batch not yet sent; each in its own transaction. */
    public int send() {
        List<Long> unsent = jdbc.sql("select id from payment_batch where status = 'CREATED' order by id")
                .query(Long.class).list();
        unsent.forEach(id -> transaction.executeWithoutResult(status -> sendOne(id)));
        return unsent.size();
    }

    private void sendOne(long batchId) {
        // Another node sending this batch holds the row; it will mark it sent.
        Optional<BatchRow> batch = jdbc.sql("""
                        select file_name, business_date, line_count, total from payment_batch
                        where id = :id and status = 'CREATED' for update skip locked""")
                .param("id", batchId)
                .query((row, n) -> new BatchRow(row.getString("file_name"), row.getObject("business_date", LocalDate.class),
                        row.getInt("line_count"), row.getBigDecimal("total")))
                .optional();
        if (batch.isEmpty()) {
            return;
        }
        BatchFile file = batchFile(batchId, batch.get());
        Path written = write(file);
        bank.send(written);
        Instant now = clock.instant();
        jdbc.sql("update payment_batch set status = 'SENT', sent_at = :at where id = :id")
                .param("at", Timestamp.from(now)).param("id", batchId).update();
        for (BatchFile.Line line : file.lines()) {
            instructions.move(line.instructionId(), List.of(PaymentStatus.IN_BATCH), PaymentStatus.SENT,
                    "批次" + batch.get().fileName() + "已送银行", now);
        }
    }

    private BatchFile batchFile(long batchId, BatchRow batch) {
        List<BatchFile.Line> lines = instructions.ofBatch(batchId).stream()
                .map(i -> new BatchFile.Line(i.id(), i.accountNumber(), i.accountName(), i.bankName(), i.amount(), i.claimId()))
                .toList();
        BatchFile file = new BatchFile(batch.fileName().replace(".csv", ""), batch.businessDate(), lines);
        if (lines.size() != batch.lineCount() || file.total().compareTo(batch.total()) != 0) {
            throw new IllegalStateException("batch " + batch.fileName() + " does not add up to its recorded total");
        }
        return file;
    }

    /** Written beside and moved in, so the bank's client never picks up half a file. */
    private Path write(BatchFile file) {
        try {
            Path outbox = Files.createDirectories(settings.outbox());
            Path temporary = outbox.resolve(file.fileName() + ".tmp");
            Files.writeString(temporary, file.content(), StandardCharsets.UTF_8);
            return Files.move(temporary, outbox.resolve(file.fileName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record BatchRow(String fileName, LocalDate businessDate, int lineCount, BigDecimal total) {
    }
}
