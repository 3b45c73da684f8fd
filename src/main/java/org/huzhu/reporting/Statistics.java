package org.huzhu.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.huzhu.claim.AuditStage;
import org.huzhu.claim.RejectionCategory;
import org.huzhu.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the unions publish, a read model across modules: per scheme and period (a scheme
 * year or any whole months), for all, one organiser or one agency; by agency, unit and month;
 * rejections by reason, large payouts, lump sums by diagnosis group, funders' shares.
 *
 * <p>Claims are those handed in during the period (by {@code submitted_at}, Beijing time) with
 * what became of them so far, so submitted = open + rejected + paid. Enrolments count when they
 * cover a day of the period; member-years are the days they cover in it / 365.
 *
 * <p>Claim figures come from the roll-ups this module keeps ({@code statistics_claim_tally},
 * {@code statistics_days_tally}, {@code statistics_funder_tally}, V30: by month handed in,
 * agency and unit); what they cannot hold is read through indexes on the few rows concerned:
 * {@code claim} (rejected and lump-sum claims), {@code payment} (by amount, for large
 * subsidies). Enrolment figures come from {@code statistics_enrolment_tally} (V31). Also reads
 * {@code claim_review}, {@code fund_contribution}, {@code member}, {@code unit}, {@code agency},
 * {@code organiser}, {@code rule_set} and {@code scheme}.
 */
@Service
public class Statistics {

    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    /** The agency and organiser asked for (all when none), on agency {@code a} and organiser {@code o}. */
    private static final String ASKED = """
             and (cast(:agency as varchar) is null or a.code = :agency)
             and (cast(:organiser as varchar) is null or o.code = :organiser)
            """;

    /**
     * The tally of a scheme's claims by month handed in, agency and unit (V30, kept when claims,
     * payments and clocks change), for the period, organiser and agency asked for.
     */
    private static final String TALLY = ofTally("statistics_claim_tally", " join unit u on u.id = t.unit_id");

    private static final String TALLY_FIGURES = """
            coalesce(sum(t.submitted), 0) as submitted, coalesce(sum(t.rejected), 0) as rejected,
            coalesce(sum(t.paid), 0) as paid, coalesce(sum(t.amount), 0) as amount, max(t.largest) as largest,
            coalesce(sum(t.clocked), 0) as clocked, coalesce(sum(t.in_time), 0) as in_time
            """;

    /**
     * Narrows claims {@code c} to the scheme's claims handed in during the period, of the organiser
     * and agency asked for: for what the tallies cannot hold, read through the partial indexes of
     * V30 (rejected claims, lump-sum claims) or from payments by amount.
     */
    private static final String OF_THE_PERIOD = """
             join agency a on a.id = c.agency_id
             join organiser o on o.id = a.organiser_id
             where c.scheme = :scheme and c.submitted_at >= :start and c.submitted_at < :end
            """ + ASKED;

    /** Payments {@code p} of at least the large-subsidy amount to the period's claims {@code c}. */
    private static final String LARGE_PAYMENTS = " from payment p join claim c on c.id = p.claim_id"
            + " join member m on m.id = c.member_id join unit u on u.id = m.unit_id" + OF_THE_PERIOD
            + " and p.scheme = :scheme and p.amount >= :large";

    /**
     * A scheme's enrolments covering a day of the period, from their roll-up (V31: by agency, unit,
     * days covered and the last day the member's earlier enrolments cover).
     */
    private static final String ENROLMENTS = """
             from statistics_enrolment_tally t
             join agency a on a.id = t.agency_id
             join organiser o on o.id = a.organiser_id
             join unit u on u.id = t.unit_id
             where t.scheme = :scheme and t.valid_to >= :firstDay and t.valid_from <= :lastDay and t.enrolments > 0
            """ + ASKED;

    /** A member counts by the first of its enrolments covering a day of the period: the earlier ones end before it. */
    private static final String ENROLMENT_FIGURES = """
            count(distinct t.unit_id) as units,
            coalesce(sum(t.enrolments) filter (where t.earlier_to < cast(:firstDay as date)), 0) as members,
            coalesce(sum(t.enrolments * (least(t.valid_to, cast(:lastDay as date))
                - greatest(t.valid_from, cast(:firstDay as date)) + 1)), 0) as days
            """;

    /** Reviews of rejections (复核) asked for on the period's claims, by how they stand. */
    private static final String REVIEWS = """
            select count(*) as requested, count(*) filter (where r.channel = 'ONLINE') as online,
                   count(*) filter (where r.outcome = 'UPHELD') as upheld,
                   count(*) filter (where r.outcome = 'REFUSED') as refused,
                   count(*) filter (where r.outcome is null) as open
             from claim_review r
             join claim c on c.id = r.claim_id
            """ + OF_THE_PERIOD;

    private final JdbcClient jdbc;

    Statistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public StatisticsSummary summary(StatisticsQuery q) {
        planForTheValuesAsked();
        Map<String, Object> claims = params(jdbc.sql("select " + TALLY_FIGURES
                        + ", count(distinct t.unit_id) filter (where t.paid > 0) as units_paid" + TALLY), q)
                .query((row, n) -> {
                    Map<String, Object> figures = new LinkedHashMap<>();
                    for (String column : List.of("submitted", "rejected", "paid", "amount", "largest", "clocked",
                            "in_time", "units_paid")) {
                        figures.put(column, row.getObject(column));
                    }
                    return figures;
                }).single();
        long byAuditors = params(jdbc.sql("select count(*) from claim c" + OF_THE_PERIOD
                + " and c.status = 'REJECTED' and c.rejection_reason ~ '" + RejectionReason.auditPrefix() + "'"), q)
                .query(Long.class).single();
        Map<String, Object> large = params(jdbc.sql(
                        "select count(*) as large, coalesce(sum(p.amount), 0) as large_amount" + LARGE_PAYMENTS), q)
                .param("large", q.largePayout())
                .query((row, n) -> Map.<String, Object>of("large", row.getLong("large"),
                        "large_amount", row.getBigDecimal("large_amount"))).single();
        DaysToPay days = daysToPay(q);
        Enrolled enrolled = params(jdbc.sql("select " + ENROLMENT_FIGURES + ENROLMENTS), q)
                .query((row, n) -> enrolled(row)).single();
        StatisticsSummary.Reviews reviews = params(jdbc.sql(REVIEWS), q)
                .query((row, n) -> new StatisticsSummary.Reviews(row.getLong("requested"), row.getLong("online"),
                        row.getLong("upheld"), row.getLong("refused"), row.getLong("open")))
                .single();
        boolean wholeFund = q.agency() == null && q.organiser() == null;
        Map<String, BigDecimal> contributions = contributions(q, wholeFund);

        long submitted = number(claims.get("submitted"));
        long rejected = number(claims.get("rejected"));
        long paid = number(claims.get("paid"));
        BigDecimal amount = money((BigDecimal) claims.get("amount"));
        BigDecimal largest = claims.get("largest") == null ? null : money((BigDecimal) claims.get("largest"));
        BigDecimal average = paid == 0 ? null : amount.divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP);
        long inTime = number(claims.get("in_time"));
        String schemeName = jdbc.sql("select name from scheme where code = :code").param("code", q.scheme())
                .query(String.class).single();
        String headline = "参与单位 " + grouped(enrolled.units()) + " 家、会员 " + grouped(enrolled.members()) + " 人；"
                + benefitWord(schemeName) + " " + grouped(paid) + " 人次，支付 " + Money.grouped(amount) + " 元";
        return new StatisticsSummary(q.scheme(), schemeName, q.periodLabel(), q.from().toString(), q.to().toString(),
                q.schemeYear(), q.organiser(), q.agency(), enrolled.units(), enrolled.members(),
                memberYears(enrolled.days()), contributions.get("units"), contributions.get("funders"),
                submitted, submitted - rejected - paid, rejected, rejected - byAuditors, byAuditors, paid,
                number(claims.get("units_paid")), amount, average, largest, money(q.largePayout()),
                number(large.get("large")), money((BigDecimal) large.get("large_amount")), inTime,
                percent(inTime, number(claims.get("clocked"))), days.average(), days.median(), reviews, funders(q, amount), headline);
    }

    /** Every agency of the organiser asked for (or all), with figures or zeros. */
    @Transactional(readOnly = true)
    public List<StatisticsRow> byAgency(StatisticsQuery q) {
        planForTheValuesAsked();
        return rows(q, "a.code", """
                select a.code as key, a.name as label from agency a join organiser o on o.id = a.organiser_id
                where (cast(:agency as varchar) is null or a.code = :agency)
                  and (cast(:organiser as varchar) is null or o.code = :organiser)
                order by a.code
                """);
    }

    /** The units with members enrolled in the period or claims handed in, by unit code. */
    @Transactional(readOnly = true)
    public List<StatisticsRow> byUnit(StatisticsQuery q) {
        planForTheValuesAsked();
        Map<String, StatisticsRow> claims = claimRows(q, "u.code");
        Map<String, Enrolled> enrolled = enrolledBy(q, "u.code");
        List<String> codes = new ArrayList<>(claims.keySet());
        enrolled.keySet().stream().filter(code -> !claims.containsKey(code)).forEach(codes::add);
        codes.sort(null);
        Map<String, String> names = codes.isEmpty() ? Map.of()
                : jdbc.sql("select code, name from unit where code in (:codes)").param("codes", codes)
                .query((row, n) -> Map.entry(row.getString("code"), row.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return codes.stream().map(code -> merge(code, names.get(code), claims.get(code), enrolled.get(code))).toList();
    }

    /** Every month of the period, by the month claims were handed in (enrolment figures are not split by month). */
    @Transactional(readOnly = true)
    public List<StatisticsRow> byMonth(StatisticsQuery q) {
        planForTheValuesAsked();
        Map<String, StatisticsRow> found = claimRows(q,
                "to_char(t.month, 'YYYY-MM')");
        List<StatisticsRow> months = new ArrayList<>();
        for (YearMonth month = q.from(); !month.isAfter(q.to()); month = month.plusMonths(1)) {
            StatisticsRow row = found.get(month.toString());
            months.add(row == null ? empty(month.toString(), StatisticsQuery.label(month), false)
                    : relabel(row, StatisticsQuery.label(month)));
        }
        return months;
    }

    /**
     * Rejected claims by reason, the most frequent first: the pre-check's by code, the auditors'
     * by stage and the category the auditor picked.
     */
    @Transactional(readOnly = true)
    public List<RejectionCount> rejections(StatisticsQuery q) {
        planForTheValuesAsked();
        String code = RejectionReason.codeOf("c.rejection_reason");
        String prefix = RejectionReason.auditPrefix();
        List<Object[]> rows = params(jdbc.sql("select " + code + " as code, "
                + "case when c.rejection_reason ~ '" + prefix + "' then substring(c.rejection_reason from '"
                + prefix.substring(1) + "') end as stage_label, c.rejection_category, count(*) as claims"
                + " from claim c" + OF_THE_PERIOD + " and c.status = 'REJECTED' group by 1, 2, 3"), q)
                .query((row, n) -> new Object[] {row.getString("code"), row.getString("stage_label"),
                        row.getString("rejection_category"), row.getLong("claims")}).list();
        long total = rows.stream().mapToLong(row -> (Long) row[3]).sum();
        Map<String, AuditStage> stages = java.util.Arrays.stream(AuditStage.values())
                .collect(Collectors.toMap(AuditStage::label, Function.identity()));
        List<RejectionCount> counts = new ArrayList<>();
        for (Object[] row : rows) {
            RejectionReason reason = RejectionReason.valueOf((String) row[0]);
            AuditStage stage = row[1] == null ? null : stages.get(row[1]);
            RejectionCategory category = RejectionCategory.of((String) row[2]).orElse(null);
            String said = reason != RejectionReason.AUDIT ? reason.label()
                    : category == null ? "未分类（早期记录）" : category.label();
            counts.add(new RejectionCount(reason.name(), category == null ? null : category.name(),
                    stage == null ? null : stage.name(), stage == null ? "预审" : stage.label(), said, (Long) row[3],
                    percent((Long) row[3], total)));
        }
        counts.sort(java.util.Comparator.comparingLong(RejectionCount::claims).reversed()
                .thenComparing(RejectionCount::code).thenComparing(RejectionCount::reason));
        return counts;
    }

    /** The period's payouts of at least the large-subsidy amount, largest first. */
    @Transactional(readOnly = true)
    public List<LargePayout> largePayouts(StatisticsQuery q, int limit) {
        planForTheValuesAsked();
        return params(jdbc.sql("""
                        select c.id, a.code as agency_code, a.name as agency_name, u.code as unit_code,
                               u.name as unit_name, p.amount, p.paid_at
                        """ + LARGE_PAYMENTS + " order by p.amount desc, c.id limit :limit"), q)
                .param("large", q.largePayout()).param("limit", limit)
                .query((row, n) -> new LargePayout(row.getLong("id"), row.getString("agency_code"),
                        row.getString("agency_name"), row.getString("unit_code"), row.getString("unit_name"),
                        money(row.getBigDecimal("amount")), LocalDate.ofInstant(row.getTimestamp("paid_at").toInstant(),
                        org.huzhu.platform.Beijing.ZONE)))
                .list();
    }

    /** Lump sums paid by diagnosis group, with the group's name from the rule set the claim was calculated on. */
    @Transactional(readOnly = true)
    public List<DiagnosisGroupFigure> diagnosisGroups(StatisticsQuery q) {
        planForTheValuesAsked();
        return params(jdbc.sql("""
                        select c.diagnosis_group as code,
                               max(jsonb_path_query_first(r.definition, '$.lumpSumBenefit.groups[*] ? (@.code == $g).name',
                                   jsonb_build_object('g', c.diagnosis_group)) #>> '{}') as name,
                               count(p.claim_id) as paid, coalesce(sum(p.amount), 0) as amount
                         from claim c join payment p on p.claim_id = c.id left join rule_set r on r.id = c.rule_set_id
                        """ + OF_THE_PERIOD + " and c.diagnosis_group is not null group by 1 order by 4 desc, 1"), q)
                .query((row, n) -> new DiagnosisGroupFigure(row.getString("code"),
                        row.getString("name") == null ? row.getString("code") : row.getString("name"),
                        row.getLong("paid"), money(row.getBigDecimal("amount"))))
                .list();
    }

    /** Who bore the amount paid: the funders' shares of the confirmed payments, the largest first. */
    @Transactional(readOnly = true)
    public List<FunderShare> funders(StatisticsQuery q, BigDecimal amountPaid) {
        planForTheValuesAsked();
        return params(jdbc.sql("""
                        select t.funder_code, max(t.funder_name) as funder_name, sum(t.amount) as amount
                        """ + ofTally("statistics_funder_tally", "") + " group by 1 order by 3 desc, 1"), q)
                .query((row, n) -> new FunderShare(row.getString("funder_code"), row.getString("funder_name"),
                        money(row.getBigDecimal("amount")), percent(row.getBigDecimal("amount"), amountPaid)))
                .list();
    }

    /**
     * The statements here differ only in their parameters, so after a few runs PostgreSQL would
     * keep one plan for any agency and period, and such a plan reads far more than one for the
     * values asked (large payouts over three years of a province: 12.9 s against 6 ms). Planning
     * each statement anew costs a millisecond; it holds for this transaction only.
     */
    private void planForTheValuesAsked() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    private record Enrolled(long units, long members, long days) {
    }

    /** Working days from complete papers to payment of the claims paid on their clock: average (one decimal) and median. */
    private record DaysToPay(BigDecimal average, Integer median) {
    }

    /** From the histogram of V30; the median is the smallest value at or above half of the claims, as percentile_disc. */
    private DaysToPay daysToPay(StatisticsQuery q) {
        List<long[]> counts = params(jdbc.sql("""
                        select t.working_days, sum(t.paid) as paid
                        """ + ofTally("statistics_days_tally", "") + " and t.paid > 0 group by 1 order by 1"), q)
                .query((row, n) -> new long[] {row.getLong("working_days"), row.getLong("paid")}).list();
        long claims = counts.stream().mapToLong(c -> c[1]).sum();
        if (claims == 0) {
            return new DaysToPay(null, null);
        }
        long days = counts.stream().mapToLong(c -> c[0] * c[1]).sum();
        long seen = 0;
        Integer median = null;
        for (long[] count : counts) {
            seen += count[1];
            if (median == null && seen * 2 >= claims) {
                median = (int) count[0];
            }
        }
        return new DaysToPay(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(claims), 1, RoundingMode.HALF_UP), median);
    }

    private static Enrolled enrolled(ResultSet row) throws SQLException {
        return new Enrolled(row.getLong("units"), row.getLong("members"), row.getLong("days"));
    }

    private Map<String, BigDecimal> contributions(StatisticsQuery q, boolean wholeFund) {
        String period = q.schemeYear() != null ? "f.scheme_year = :year"
                : "f.recorded_at >= :start and f.recorded_at < :end";
        return params(jdbc.sql("""
                        select coalesce(sum(f.amount) filter (where f.unit_code is not null), 0) as units,
                               coalesce(sum(f.amount) filter (where f.funder_code is not null and :wholeFund), 0) as funders
                        from fund_contribution f
                        left join unit u on u.code = f.unit_code
                        left join agency a on a.id = u.agency_id
                        left join organiser o on o.id = a.organiser_id
                        where f.scheme = :scheme and\s""" + period + ASKED), q)
                .param("year", q.schemeYear()).param("wholeFund", wholeFund)
                .query((row, n) -> Map.of("units", money(row.getBigDecimal("units")),
                        "funders", money(row.getBigDecimal("funders"))))
                .single();
    }

    private List<StatisticsRow> rows(StatisticsQuery q, String key, String keysSql) {
        Map<String, StatisticsRow> claims = claimRows(q, key);
        Map<String, Enrolled> enrolled = enrolledBy(q, key);
        return params(jdbc.sql(keysSql), q)
                .query((row, n) -> merge(row.getString("key"), row.getString("label"), claims.get(row.getString("key")),
                        enrolled.get(row.getString("key"))))
                .list();
    }

    private Map<String, StatisticsRow> claimRows(StatisticsQuery q, String key) {
        return params(jdbc.sql("select " + key + " as key, " + TALLY_FIGURES + TALLY + " group by 1"), q)
                .query((row, n) -> new StatisticsRow(row.getString("key"), null, null, null, null,
                        row.getLong("submitted"), row.getLong("rejected"), row.getLong("paid"),
                        money(row.getBigDecimal("amount")),
                        row.getBigDecimal("largest") == null ? null : money(row.getBigDecimal("largest")),
                        percent(row.getLong("in_time"), row.getLong("clocked"))))
                .list().stream().collect(Collectors.toMap(StatisticsRow::key, Function.identity()));
    }

    private Map<String, Enrolled> enrolledBy(StatisticsQuery q, String key) {
        return params(jdbc.sql("select " + key + " as key, " + ENROLMENT_FIGURES + ENROLMENTS + " group by 1"), q)
                .query((row, n) -> Map.entry(row.getString("key"), enrolled(row))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static StatisticsRow merge(String key, String label, StatisticsRow claims, Enrolled enrolled) {
        StatisticsRow base = claims == null ? empty(key, label, true) : claims;
        Enrolled e = enrolled == null ? new Enrolled(0, 0, 0) : enrolled;
        return new StatisticsRow(key, label, e.units(), e.members(), memberYears(e.days()), base.claimsSubmitted(),
                base.claimsRejected(), base.claimsPaid(), base.amountPaid(), base.largestPayout(),
                base.paidWithinDeadlineShare());
    }

    private static StatisticsRow empty(String key, String label, boolean withEnrolments) {
        return new StatisticsRow(key, label, withEnrolments ? 0L : null, withEnrolments ? 0L : null,
                withEnrolments ? memberYears(0) : null, 0, 0, 0, Money.ZERO, null, null);
    }

    private static StatisticsRow relabel(StatisticsRow row, String label) {
        return new StatisticsRow(row.key(), label, null, null, null, row.claimsSubmitted(), row.claimsRejected(),
                row.claimsPaid(), row.amountPaid(), row.largestPayout(), row.paidWithinDeadlineShare());
    }

    /** A roll-up of V30, {@code t}, with the tables joined to it, for the scheme, months, agency and organiser asked for. */
    private static String ofTally(String table, String joined) {
        return " from " + table + " t join agency a on a.id = t.agency_id join organiser o on o.id = a.organiser_id"
                + joined + " where t.scheme = :scheme and t.month between :firstDay and :lastMonth" + ASKED;
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, StatisticsQuery q) {
        return sql.param("scheme", q.scheme()).param("start", q.start()).param("end", q.end())
                .param("firstDay", q.firstDay()).param("lastDay", q.lastDay()).param("lastMonth", q.to().atDay(1))
                .param("agency", q.agency()).param("organiser", q.organiser());
    }

    static BigDecimal memberYears(long days) {
        return BigDecimal.valueOf(days).divide(DAYS_PER_YEAR, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? Money.ZERO : Money.roundToFen(amount);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String grouped(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }

    /** 住院医疗互助 → 住院医疗补助, as the reports say 住院补助. */
    private static String benefitWord(String schemeName) {
        return (schemeName.endsWith("互助") ? schemeName.substring(0, schemeName.length() - 2) : schemeName) + "补助";
    }
}
