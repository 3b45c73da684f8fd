package org.huzhu.reporting.web;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.huzhu.claim.SlaState;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.Spreadsheet.Decimal;
import org.huzhu.platform.Spreadsheet.Sheet;
import org.huzhu.reporting.SupervisorReports;
import org.huzhu.sla.Compliance;
import org.huzhu.sla.OpenClaims;
import org.huzhu.sla.UrgentClaim;

/**
 * The supervisors' deadline lists as sheets: the claims past and near their deadline (every one,
 * not only the dashboard's first), open claims by agency and step, and the compliance of the
 * months asked for. ID numbers masked as on the dashboard.
 */
final class SupervisionFiles {

    /** The views a file holds, in the workbook's order; {@code key} names a CSV download. */
    enum View {
        BREACHED("breached", "已超期"), AT_RISK("at-risk", "临期"), OPEN_CLAIMS("open-claims", "在办申请"),
        COMPLIANCE_AGENCIES("compliance-agencies", "按代办点按时支付"), COMPLIANCE_MONTHS("compliance-months", "按月按时支付");

        final String key;
        final String title;

        View(String key, String title) {
            this.key = key;
            this.title = title;
        }

        static java.util.Optional<View> byKey(String key) {
            return Arrays.stream(values()).filter(view -> view.key.equals(key)).findFirst();
        }
    }

    private SupervisionFiles() {
    }

    static Sheet sheet(View view, SupervisorReports reports, YearMonth from, YearMonth to) {
        return switch (view) {
            case BREACHED -> urgent(view, reports, SlaState.BREACHED);
            case AT_RISK -> urgent(view, reports, SlaState.AT_RISK);
            case OPEN_CLAIMS -> new Sheet(view.title, List.of("代办点代码", "代办点", "环节", "在办（件）", "正常（件）",
                    "临期（件）", "已超期（件）", "超出环节预算（件）"), reports.openByAgencyAndStage().stream()
                    .map(SupervisionFiles::open).toList());
            case COMPLIANCE_AGENCIES -> compliance(view, "代办点", reports.complianceByAgency(from, to));
            case COMPLIANCE_MONTHS -> compliance(view, "月份", reports.complianceByMonth(from, to, null));
        };
    }

    private static Sheet urgent(View view, SupervisorReports reports, SlaState state) {
        List<UrgentClaim> claims = reports.urgent(state, Spreadsheet.ROW_LIMIT + 1);
        Spreadsheet.requireWithinLimit(claims.size(), view.title + "申请");
        return new Sheet(view.title, List.of("申请编号", "会员", "身份证号（脱敏）", "代办点代码", "代办点", "所在环节",
                "进入环节时间", "办理人", "支付期限", "剩余工作日", "超期工作日", "已督办"), claims.stream()
                .map(claim -> Arrays.<Object>asList(String.valueOf(claim.claimId()), claim.memberName(),
                        claim.memberIdNumberMasked(), claim.agencyCode(), claim.agencyName(), claim.stageLabel(),
                        LocalDateTime.ofInstant(claim.stageSince().toInstant(), Beijing.ZONE), holder(claim),
                        claim.dueDate(), (long) claim.workingDaysLeft(), (long) claim.workingDaysOverdue(),
                        claim.escalated() ? "是" : "否"))
                .toList());
    }

    private static String holder(UrgentClaim claim) {
        if (claim.holderUser() != null) {
            return claim.holderUser();
        }
        return claim.holderGroup() == null ? "" : "待认领（" + claim.holderGroup() + "）";
    }

    private static List<Object> open(OpenClaims row) {
        return Arrays.asList(row.agencyCode(), row.agencyName(), row.stageLabel(), row.open(), row.onTrack(),
                row.atRisk(), row.breached(), row.overBudget());
    }

    private static Sheet compliance(View view, String keyHeader, List<Compliance> rows) {
        return new Sheet(view.title, List.of(keyHeader + "代码", keyHeader, "已支付（件）", "按时支付（件）", "按时支付率（%）",
                "支付用时中位数（工作日）", "90%在（工作日）内"), rows.stream()
                .map(row -> Arrays.<Object>asList(row.key(), row.label(), row.paid(), row.paidInTime(),
                        row.inTimePercent() == null ? null : new Decimal(row.inTimePercent()), row.medianWorkingDays(),
                        row.p90WorkingDays()))
                .toList());
    }
}
