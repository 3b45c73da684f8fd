package org.huzhu.inbox.web;

import java.util.List;
import java.util.Set;

import org.huzhu.inbox.AuditorTasks;
import org.huzhu.inbox.WorkFilter;
import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The auditors' place in the workbench: their task list, and on their home what waits for them. */
@Component
class InboxPages implements WorkbenchMenu, HomeFigures {

    private static final Set<String> AUDITORS = Set.of(Role.AGENCY_AUDITOR.authority(), Role.LEAGUE_AUDITOR.authority(),
            Role.LEAGUE_HEAD.authority(), Role.COMMITTEE.authority());
    /** Home counts stop here, as the list has no total: a count read from the lists' indexes stays cheap. */
    static final int COUNTED = 1000;

    private final AuditorTasks tasks;

    InboxPages(AuditorTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.AUDIT, "待办任务", "/tasks", AUDITORS, true));
    }

    @Override
    public List<HomeFigure> figuresFor(Authentication who) {
        if (!(who.getPrincipal() instanceof Staff staff)
                || who.getAuthorities().stream().noneMatch(held -> AUDITORS.contains(held.getAuthority()))) {
            return List.of();
        }
        WorkFilter all = WorkFilter.none();
        return List.of(
                figure("待我审核", tasks.countOpen(staff, all, COUNTED), "/tasks", HomeFigure.Tone.PLAIN),
                figure("已认领", tasks.countOpen(staff, new WorkFilter(null, null, null, false, true, false), COUNTED),
                        "/tasks?assignedToMe=true", HomeFigure.Tone.PLAIN),
                figure("临期或超期", tasks.countOpen(staff, new WorkFilter(null, null, null, true, false, false), COUNTED),
                        "/tasks?urgentOnly=true", HomeFigure.Tone.ALARM));
    }

    private static HomeFigure figure(String label, long count, String href, HomeFigure.Tone tone) {
        return new HomeFigure(count >= COUNTED ? label + "（" + COUNTED + "件及以上）" : label, count, href, tone);
    }
}
