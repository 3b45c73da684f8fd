package org.huzhu.reporting.web;

import java.util.List;
import java.util.Set;

import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.reporting.SupervisorReports;
import org.huzhu.security.Role;
import org.huzhu.sla.SlaOverview;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The supervisors' place in the workbench: the deadline dashboard, and at-risk and breached counts on their home. */
@Component
class SupervisionPages implements WorkbenchMenu, HomeFigures {

    private static final Set<String> SUPERVISORS = Set.of(Role.SUPERVISOR.authority(), Role.ADMIN.authority());

    private final SupervisorReports reports;

    SupervisionPages(SupervisorReports reports) {
        this.reports = reports;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.SUPERVISION, "支付时限督办", "/sla/", SUPERVISORS, true));
    }

    @Override
    public List<HomeFigure> figuresFor(Authentication who) {
        if (who.getAuthorities().stream().noneMatch(held -> SUPERVISORS.contains(held.getAuthority()))) {
            return List.of();
        }
        SlaOverview overview = reports.overview();
        return List.of(
                new HomeFigure("计时中的申请", overview.open().open(), "/sla/", HomeFigure.Tone.PLAIN),
                new HomeFigure("临期", overview.open().atRisk(), "/sla/", HomeFigure.Tone.WARNING),
                new HomeFigure("已超期", overview.open().breached(), "/sla/", HomeFigure.Tone.ALARM));
    }
}
