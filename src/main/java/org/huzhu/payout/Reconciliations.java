package org.huzhu.payout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.huzhu.platform.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reconciliation reports per batch and per business day, from the instructions' current states. */
@Service
public class Reconciliations {

    private final JdbcClient jdbc;

    Reconciliations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Reconciliation ofBatch(long batchId) {
        String file = jdbc.sql("select file_name from payment_batch where id = :id").param("id", batchId)
                .query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("BATCH_NOT_FOUND", "付款批次不存在"));
        return report("批次" + file, "b.id = :key", batchId);
    }

    public Reconciliation ofDay(LocalDate day) {
        return report(day + "全部批次", "b.business_date = :key", day);
    }

    private Reconciliation report(String scope, String where, Object key) {
        List<Reconciliation.Line> lines = jdbc.sql("""
                        select b.file_name, i.id, i.claim_id, i.attempt, i.account_masked, i.amount, i.status, i.return_reason
                        from payment_instruction i join payment_batch b on b.id = i.batch_id
                        where %s order by b.id, i.id""".formatted(where))
                .param("key", key)
                .query((row, n) -> new Reconciliation.Line(row.getString(1), row.getLong(2), row.getLong(3), row.getInt(4),
                        row.getString(5), row.getBigDecimal(6), PaymentStatus.valueOf(row.getString(7)), row.getString(8)))
                .list();
        List<Reconciliation.FunderTotal> funders = jdbc.sql("""
                        select s.funder_code, s.funder_name,
                               coalesce(sum(s.amount) filter (where i.status = 'CONFIRMED'), 0.00),
                               coalesce(sum(s.amount) filter (where i.status = 'RETURNED'), 0.00)
                        from payment_funder_share s join payment_instruction i on i.id = s.instruction_id
                             join payment_batch b on b.id = i.batch_id
                        where %s group by s.funder_code, s.funder_name order by s.funder_code""".formatted(where))
                .param("key", key)
                .query((row, n) -> new Reconciliation.FunderTotal(row.getString(1), row.getString(2),
                        row.getBigDecimal(3).setScale(2), row.getBigDecimal(4).setScale(2)))
                .list();
        Map<PaymentStatus, List<Reconciliation.Line>> byStatus = lines.stream()
                .collect(java.util.stream.Collectors.groupingBy(Reconciliation.Line::status));
        List<Reconciliation.Line> confirmed = byStatus.getOrDefault(PaymentStatus.CONFIRMED, List.of());
        List<Reconciliation.Line> returned = byStatus.getOrDefault(PaymentStatus.RETURNED, List.of());
        List<Reconciliation.Line> unanswered = lines.stream()
                .filter(l -> l.status() != PaymentStatus.CONFIRMED && l.status() != PaymentStatus.RETURNED).toList();
        return new Reconciliation(scope, lines.size(), sum(lines), confirmed.size(), sum(confirmed), returned.size(),
                sum(returned), unanswered.size(), sum(unanswered), funders, lines);
    }

    private static BigDecimal sum(List<Reconciliation.Line> lines) {
        return lines.stream().map(Reconciliation.Line::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
