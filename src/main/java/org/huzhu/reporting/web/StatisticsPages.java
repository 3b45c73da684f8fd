package org.huzhu.reporting.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.membership.Organisations;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.reporting.Statistics;
import org.huzhu.reporting.StatisticsParameters;
import org.huzhu.reporting.StatisticsQuery;
import org.huzhu.reporting.StatisticsRow;
import org.huzhu.reporting.StatisticsSummary;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** 统计: the headline figures as the reports print them, the finer views as tables and bars, and the downloads. */
@WorkbenchController
class StatisticsPages implements WorkbenchMenu {

    private static final Set<String> SUPERVISORS = Set.of(Role.SUPERVISOR.authority(), Role.ADMIN.authority());
    private static final int LARGE_PAYOUTS_SHOWN = 20;

    private final Statistics statistics;
    private final StatisticsParameters parameters;
    private final RuleSets ruleSets;
    private final Organisations organisations;

    StatisticsPages(Statistics statistics, StatisticsParameters parameters, RuleSets ruleSets, Organisations organisations) {
        this.statistics = statistics;
        this.parameters = parameters;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.SUPERVISION, "统计", "/statistics", SUPERVISORS, false));
    }

    @GetMapping("/statistics")
    String statistics(@RequestParam(defaultValue = "INPATIENT") String scheme, @RequestParam(required = false) String year,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                      @RequestParam(required = false) String agency, @RequestParam(required = false) String large,
                      @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        StatisticsController.requireSupervisor(staff);
        model.addAttribute("schemes", ruleSets.schemes());
        model.addAttribute("agencies", organisations.agencies());
        model.addAttribute("form", new Filter(scheme, year, from, to, agency, large));
        model.addAttribute("crumbs", List.of(Crumb.here("统计")));
        try {
            StatisticsQuery q = parameters.read(scheme, year, from, to, null, agency, large);
            StatisticsSummary summary = statistics.summary(q);
            List<StatisticsRow> agencies = statistics.byAgency(q);
            List<StatisticsRow> months = statistics.byMonth(q);
            model.addAttribute("summary", summary);
            model.addAttribute("byAgency", agencies);
            model.addAttribute("agencyMax", agencies.stream().mapToLong(StatisticsRow::claimsPaid).max().orElse(0));
            model.addAttribute("byMonth", months);
            model.addAttribute("monthMax", months.stream().mapToLong(StatisticsRow::claimsSubmitted).max().orElse(0));
            model.addAttribute("rejections", statistics.rejections(q));
            model.addAttribute("largePayouts", statistics.largePayouts(q, LARGE_PAYOUTS_SHOWN));
            model.addAttribute("groups", statistics.diagnosisGroups(q));
            model.addAttribute("downloads", downloads(q));
        } catch (InvalidInputException e) {
            // the form again with what is wrong, as every workbench form answers a mistake
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.problems());
        }
        return "reporting/statistics";
    }

    @GetMapping("/statistics/xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String scheme, @RequestParam(required = false) String year,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(required = false) String agency, @RequestParam(required = false) String large,
                                @AuthenticationPrincipal Staff staff) {
        StatisticsController.requireSupervisor(staff);
        return StatisticsController.xlsx(statistics, parameters.read(scheme, year, from, to, null, agency, large));
    }

    @GetMapping("/statistics/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String view, @RequestParam(required = false) String scheme,
                               @RequestParam(required = false) String year,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String agency, @RequestParam(required = false) String large,
                               @AuthenticationPrincipal Staff staff) {
        StatisticsController.requireSupervisor(staff);
        return StatisticsController.csv(statistics, parameters.read(scheme, year, from, to, null, agency, large), view);
    }

    /** The filter as sent, for the form. */
    record Filter(String scheme, String year, String from, String to, String agency, String large) {
    }

    /** The same query's downloads: the workbook and each view's CSV. */
    record Download(String label, String href) {
    }

    private static List<Download> downloads(StatisticsQuery q) {
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/statistics/xlsx").queryParam("scheme", q.scheme());
        if (q.schemeYear() != null) {
            base.queryParam("year", q.schemeYear());
        } else {
            base.queryParam("from", q.from()).queryParam("to", q.to());
        }
        if (q.agency() != null) {
            base.queryParam("agency", q.agency());
        }
        base.queryParam("large", q.largePayout().toPlainString());
        List<Download> links = new java.util.ArrayList<>();
        links.add(new Download("Excel（全部视图）", base.build().encode().toUriString()));
        for (var view : org.huzhu.reporting.StatisticsFiles.View.values()) {
            links.add(new Download(view.title() + " CSV", base.cloneBuilder().replacePath("/statistics/csv")
                    .queryParam("view", view.key()).build().encode().toUriString()));
        }
        return links;
    }
}
