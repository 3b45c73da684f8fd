package org.huzhu.reporting.web;

import java.util.List;

import org.huzhu.platform.DomainException;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.reporting.DiagnosisGroupFigure;
import org.huzhu.reporting.FunderShare;
import org.huzhu.reporting.LargePayout;
import org.huzhu.reporting.RejectionCount;
import org.huzhu.reporting.Statistics;
import org.huzhu.reporting.StatisticsFiles;
import org.huzhu.reporting.StatisticsParameters;
import org.huzhu.reporting.StatisticsQuery;
import org.huzhu.reporting.StatisticsRow;
import org.huzhu.reporting.StatisticsSummary;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics for supervisors and administrators. Every view takes {@code scheme}, {@code year}
 * or {@code from}/{@code to}, {@code organiser}, {@code agency} and {@code large}
 * ({@link StatisticsParameters}); downloads as {@code .xlsx} (every view) and CSV (one view).
 */
@RestController
@RequestMapping("/api/statistics")
class StatisticsController {

    static final int LARGE_PAYOUT_ROWS = 500;

    private final Statistics statistics;
    private final StatisticsParameters parameters;

    StatisticsController(Statistics statistics, StatisticsParameters parameters) {
        this.statistics = statistics;
        this.parameters = parameters;
    }

    @GetMapping("/summary")
    StatisticsSummary summary(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.summary(query(staff, asked));
    }

    @GetMapping("/agencies")
    List<StatisticsRow> agencies(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.byAgency(query(staff, asked.withoutLarge()));
    }

    @GetMapping("/units")
    List<StatisticsRow> units(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.byUnit(query(staff, asked.withoutLarge()));
    }

    @GetMapping("/months")
    List<StatisticsRow> months(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.byMonth(query(staff, asked.withoutLarge()));
    }

    @GetMapping("/rejections")
    List<RejectionCount> rejections(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.rejections(query(staff, asked.withoutLarge()));
    }

    @GetMapping("/large-payouts")
    List<LargePayout> largePayouts(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.largePayouts(query(staff, asked), LARGE_PAYOUT_ROWS);
    }

    @GetMapping("/diagnosis-groups")
    List<DiagnosisGroupFigure> diagnosisGroups(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.diagnosisGroups(query(staff, asked.withoutLarge()));
    }

    @GetMapping("/funders")
    List<FunderShare> funders(Asked asked, @AuthenticationPrincipal Staff staff) {
        return statistics.summary(query(staff, asked.withoutLarge())).funders();
    }

    /** Every view, one sheet each. */
    @GetMapping("/xlsx")
    ResponseEntity<byte[]> xlsx(Asked asked, @AuthenticationPrincipal Staff staff) {
        StatisticsQuery q = query(staff, asked);
        return xlsx(statistics, q);
    }

    /** One view ({@code view=summary}, {@code agencies}, {@code units}, ...), UTF-8 with a byte order mark. */
    @GetMapping("/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String view, Asked asked,
                               @AuthenticationPrincipal Staff staff) {
        StatisticsQuery q = query(staff, asked);
        return csv(statistics, q, view);
    }

    static ResponseEntity<byte[]> xlsx(Statistics statistics, StatisticsQuery q) {
        return Spreadsheet.xlsxDownload(name(q), StatisticsFiles.tables(statistics, q, LARGE_PAYOUT_ROWS).stream()
                .map(StatisticsFiles.Table::sheet).toList());
    }

    static ResponseEntity<String> csv(Statistics statistics, StatisticsQuery q, String view) {
        StatisticsFiles.View chosen = StatisticsFiles.View.byKey(view == null ? "summary" : view)
                .orElseThrow(() -> new org.huzhu.platform.InvalidInputException("view", "INVALID_VALUE",
                        "view 只能是 summary、agencies、units、months、rejections、large-payouts、diagnosis-groups 或 funders"));
        StatisticsFiles.Table table = StatisticsFiles.tables(statistics, q, LARGE_PAYOUT_ROWS).stream()
                .filter(t -> t.view() == chosen).findFirst().orElseThrow();
        return Spreadsheet.csvDownload(name(q) + "-" + chosen.key(), table.sheet());
    }

    private static String name(StatisticsQuery q) {
        return "statistics-" + q.scheme() + "-" + (q.schemeYear() != null ? q.schemeYear() : q.from() + "-" + q.to())
                + (q.agency() == null ? "" : "-" + q.agency());
    }

    /** What every view is asked with, from the query string; each is checked by {@link StatisticsParameters}. */
    record Asked(String scheme, String year, String from, String to, String organiser, String agency, String large) {

        /** The views that list no large payouts take no threshold. */
        Asked withoutLarge() {
            return new Asked(scheme, year, from, to, organiser, agency, null);
        }
    }

    private StatisticsQuery query(Staff staff, Asked asked) {
        requireSupervisor(staff);
        return parameters.read(asked.scheme(), asked.year(), asked.from(), asked.to(), asked.organiser(), asked.agency(),
                asked.large());
    }

    static void requireSupervisor(Staff staff) {
        if (!staff.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_SUPERVISOR", "只有督办人员和系统管理员可以查看统计");
        }
    }
}
