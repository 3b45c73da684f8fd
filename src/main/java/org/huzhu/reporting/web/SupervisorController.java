package org.huzhu.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.SlaState;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.reporting.SupervisorReports;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.sla.Compliance;
import org.huzhu.sla.OpenClaims;
import org.huzhu.sla.SlaOverview;
import org.huzhu.sla.UrgentClaim;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' read-only views of deadlines. */
@RestController
@RequestMapping("/api/sla")
class SupervisorController {

    private static final int MAX_MONTHS = 36;
    private static final int MAX_ROWS = 500;

    private final SupervisorReports reports;
    private final Clock clock;
    private final AuditTrail audit;

    SupervisorController(SupervisorReports reports, Clock clock, AuditTrail audit) {
        this.reports = reports;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/overview")
    SlaOverview overview(@AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        return reports.overview();
    }

    /** {@code state=AT_RISK} or {@code BREACHED}, the most urgent first. */
    @GetMapping("/claims")
    List<UrgentClaim> claims(@RequestParam String state, @RequestParam(defaultValue = "100") String limit,
                             @AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        Problems problems = new Problems();
        if (!state.equals(SlaState.AT_RISK.name()) && !state.equals(SlaState.BREACHED.name())) {
            problems.add("state", "INVALID_VALUE", "state 只能是 AT_RISK（临期）或 BREACHED（超期）");
        }
        int rows = 0;
        try {
            rows = Integer.parseInt(limit);
            if (rows < 1 || rows > MAX_ROWS) {
                problems.add("limit", "OUT_OF_RANGE", "limit 应在1到" + MAX_ROWS + "之间");
            }
        } catch (NumberFormatException e) {
            problems.add("limit", "INVALID_FORMAT", "limit 应为整数");
        }
        problems.throwIfAny();
        return reports.urgent(SlaState.valueOf(state), rows);
    }

    @GetMapping("/open-claims")
    List<OpenClaims> openClaims(@AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        return reports.openByAgencyAndStage();
    }

    /** Months {@code from} and {@code to} as YYYY-MM, both included; the last twelve months by default. */
    @GetMapping("/compliance/agencies")
    List<Compliance> complianceByAgency(@RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        Period period = period(from, to);
        return reports.complianceByAgency(period.from(), period.to());
    }

    @GetMapping("/compliance/months")
    List<Compliance> complianceByMonth(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String agency,
                                       @AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        Period period = period(from, to);
        return reports.complianceByMonth(period.from(), period.to(), agency == null || agency.isBlank() ? null : agency);
    }

    /**
     * Every view as one workbook: all claims past and near their deadline, open claims by agency
     * and step, and the compliance of the months {@code from}..{@code to} (the last twelve by default).
     */
    @GetMapping("/xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        Period period = period(from, to);
        List<Spreadsheet.Sheet> sheets = Arrays.stream(SupervisionFiles.View.values())
                .map(view -> SupervisionFiles.sheet(view, reports, period.from(), period.to())).toList();
        audit.listExported(staff.userId(), "sla", "xlsx", sheets.get(0).rows().size() + sheets.get(1).rows().size(),
                "超期和临期申请，" + period.from() + "至" + period.to() + "按时支付");
        return Spreadsheet.xlsxDownload(fileName(), sheets);
    }

    /** One view as CSV: {@code view=breached}, {@code at-risk}, {@code open-claims}, {@code compliance-agencies} or {@code compliance-months}. */
    @GetMapping("/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String view, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @AuthenticationPrincipal Staff staff) {
        requireSupervisor(staff);
        SupervisionFiles.View chosen = SupervisionFiles.View.byKey(view == null ? "" : view)
                .orElseThrow(() -> new InvalidInputException("view", "INVALID_VALUE",
                        "view 只能是 breached、at-risk、open-claims、compliance-agencies 或 compliance-months"));
        Period period = period(from, to);
        Spreadsheet.Sheet sheet = SupervisionFiles.sheet(chosen, reports, period.from(), period.to());
        audit.listExported(staff.userId(), "sla", "csv", sheet.rows().size(), chosen.title);
        return Spreadsheet.csvDownload(fileName() + "-" + chosen.key, sheet);
    }

    private String fileName() {
        return "时限督办-" + LocalDate.now(clock.withZone(Beijing.ZONE));
    }

    private record Period(YearMonth from, YearMonth to) {
    }

    private Period period(String from, String to) {
        Problems problems = new Problems();
        YearMonth thisMonth = YearMonth.from(LocalDate.now(clock.withZone(Beijing.ZONE)));
        YearMonth last = month(to, "to", thisMonth, problems);
        YearMonth first = month(from, "from", (last == null ? thisMonth : last).minusMonths(11), problems);
        if (first != null && last != null) {
            if (first.isAfter(last)) {
                problems.add("to", "BEFORE_FROM", "结束月份不能早于开始月份");
            } else if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
                problems.add("to", "RANGE_TOO_LONG", "一次最多查询" + MAX_MONTHS + "个月");
            }
        }
        problems.throwIfAny();
        return new Period(first, last);
    }

    private static YearMonth month(String text, String field, YearMonth fallback, Problems problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(field, "INVALID_FORMAT", "月份格式应为 YYYY-MM");
            return null;
        }
    }

    private static void requireSupervisor(Staff staff) {
        if (!staff.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("NOT_SUPERVISOR", "只有督办人员可以查看时限督办信息");
        }
    }
}
