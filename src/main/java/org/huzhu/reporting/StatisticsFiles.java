package org.huzhu.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.Spreadsheet.Decimal;

/**
 * The statistics as files people open in Excel ({@link Spreadsheet}): an {@code .xlsx} with one
 * sheet per view and each view as CSV.
 */
public final class StatisticsFiles {

    /** The views a file holds, in the workbook's order; {@code key} names a CSV download. */
    public enum View {
        SUMMARY("summary", "总体"), AGENCIES("agencies", "按代办点"), UNITS("units", "按单位"), MONTHS("months", "按月份"),
        REJECTIONS("rejections", "驳回原因"), LARGE_PAYOUTS("large-payouts", "大额补助"),
        DIAGNOSIS_GROUPS("diagnosis-groups", "按病种"), FUNDERS("funders", "出资方");

        private final String key;
        private final String title;

        View(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        public static java.util.Optional<View> byKey(String key) {
            return java.util.Arrays.stream(values()).filter(view -> view.key.equals(key)).findFirst();
        }
    }

    /** One view as a table: headers and rows of cells as {@link Spreadsheet} writes them. */
    public record Table(View view, List<String> headers, List<List<Object>> rows) {

        public Spreadsheet.Sheet sheet() {
            return new Spreadsheet.Sheet(view.title(), headers, rows);
        }
    }

    private StatisticsFiles() {
    }

    /** Every view of the query as tables, in the workbook's order. */
    public static List<Table> tables(Statistics statistics, StatisticsQuery q, int largePayoutRows) {
        StatisticsSummary s = statistics.summary(q);
        List<Table> tables = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of("互助项目", s.schemeName()));
        summary.add(List.of("统计期间", s.period() + "（" + s.from() + " 至 " + s.to() + "）"));
        summary.add(List.of("参与单位（家）", s.unitsEnrolled()));
        summary.add(List.of("参保会员（人）", s.membersEnrolled()));
        summary.add(List.of("保障人年", new Decimal(s.memberYears())));
        summary.add(List.of("单位缴费（元）", s.contributionsReceived()));
        summary.add(List.of("出资方补贴（元）", s.funderSubsidies()));
        summary.add(List.of("受理申请（件）", s.claimsSubmitted()));
        summary.add(List.of("办理中（件）", s.claimsOpen()));
        summary.add(List.of("驳回（件）", s.claimsRejected()));
        summary.add(List.of("其中预审驳回（件）", s.claimsRejectedAtPreCheck()));
        summary.add(List.of("其中审核驳回（件）", s.claimsRejectedByAuditors()));
        summary.add(List.of("获补助（人次）", s.claimsPaid()));
        summary.add(List.of("获补助单位（家）", s.unitsWithPaidClaims()));
        summary.add(List.of("支付补助金（元）", s.amountPaid()));
        summary.add(nullable("平均每笔补助（元）", s.averagePayout()));
        summary.add(nullable("单笔最高补助（元）", s.largestPayout()));
        summary.add(List.of("大额补助起点（元）", s.largePayoutThreshold()));
        summary.add(List.of("大额补助（笔）", s.largePayouts()));
        summary.add(List.of("大额补助金额（元）", s.largePayoutAmount()));
        summary.add(List.of("按时支付（笔）", s.paidWithinDeadline()));
        summary.add(nullable("按时支付率（%）", s.paidWithinDeadlineShare() == null ? null : new Decimal(s.paidWithinDeadlineShare())));
        summary.add(nullable("平均支付用时（工作日）", s.averageWorkingDaysToPay() == null ? null : new Decimal(s.averageWorkingDaysToPay())));
        summary.add(nullable("支付用时中位数（工作日）", s.medianWorkingDaysToPay() == null ? null : (Object) s.medianWorkingDaysToPay().longValue()));
        summary.add(List.of("复核申请（件）", s.reviews().requested()));
        summary.add(List.of("其中线上申请（件）", s.reviews().online()));
        summary.add(List.of("撤销驳回（件）", s.reviews().upheld()));
        summary.add(List.of("维持驳回（件）", s.reviews().refused()));
        summary.add(List.of("复核审理中（件）", s.reviews().open()));
        tables.add(new Table(View.SUMMARY, List.of("指标", "数值"), summary));
        List<String> rowHeaders = List.of("参与单位（家）", "参保会员（人）", "保障人年", "受理申请（件）", "驳回（件）",
                "获补助（人次）", "支付补助金（元）", "单笔最高补助（元）", "按时支付率（%）");
        tables.add(rows(View.AGENCIES, "代办点", statistics.byAgency(q), rowHeaders));
        tables.add(rows(View.UNITS, "单位", statistics.byUnit(q), rowHeaders));
        tables.add(rows(View.MONTHS, "受理月份", statistics.byMonth(q), rowHeaders.subList(3, rowHeaders.size())));
        tables.add(new Table(View.REJECTIONS, List.of("环节", "原因代码", "驳回原因", "件数", "占驳回（%）"),
                map(statistics.rejections(q), r -> List.of(r.stageLabel(), r.code(), r.reason(), r.claims(),
                        new Decimal(r.share())))));
        tables.add(new Table(View.LARGE_PAYOUTS, List.of("申请编号", "代办点", "单位", "补助金额（元）", "支付日期"),
                map(statistics.largePayouts(q, largePayoutRows), p -> List.of(String.valueOf(p.claimId()), p.agencyName(),
                        p.unitName(), p.amount(), p.paidOn()))));
        tables.add(new Table(View.DIAGNOSIS_GROUPS, List.of("病种组代码", "病种组", "获补助（人次）", "支付补助金（元）"),
                map(statistics.diagnosisGroups(q), g -> List.of(g.code(), g.name(), g.claimsPaid(), g.amountPaid()))));
        tables.add(new Table(View.FUNDERS, List.of("出资方代码", "出资方", "承担金额（元）", "占支付（%）"),
                map(s.funders(), f -> List.of(f.code(), f.name(), f.amount(),
                        f.share() == null ? "" : new Decimal(f.share())))));
        return tables;
    }

    private static Table rows(View view, String keyHeader, List<StatisticsRow> rows, List<String> figureHeaders) {
        List<String> headers = new ArrayList<>(List.of(keyHeader + "代码", keyHeader));
        headers.addAll(figureHeaders);
        boolean enrolments = figureHeaders.size() == 9;
        return new Table(view, headers, map(rows, row -> {
            List<Object> cells = new ArrayList<>(List.of(row.key(), row.label() == null ? "" : row.label()));
            if (enrolments) {
                cells.add(row.unitsEnrolled());
                cells.add(row.membersEnrolled());
                cells.add(new Decimal(row.memberYears()));
            }
            cells.add(row.claimsSubmitted());
            cells.add(row.claimsRejected());
            cells.add(row.claimsPaid());
            cells.add(row.amountPaid());
            cells.add(row.largestPayout() == null ? "" : row.largestPayout());
            cells.add(row.paidWithinDeadlineShare() == null ? "" : new Decimal(row.paidWithinDeadlineShare()));
            return cells;
        }));
    }

    private static List<Object> nullable(String label, Object value) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        row.add(value == null ? "" : value);
        return row;
    }

    private static <T> List<List<Object>> map(List<T> items, Function<T, List<Object>> row) {
        return items.stream().map(row).map(cells -> (List<Object>) new ArrayList<>(cells)).toList();
    }
}
