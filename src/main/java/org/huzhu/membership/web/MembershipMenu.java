package org.huzhu.membership.web;

import java.util.List;
import java.util.Set;

import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.springframework.stereotype.Component;

/** The counter's pages of members and units in the workbench's menu (受理). */
@Component
class MembershipMenu implements WorkbenchMenu {

    static final Set<String> COUNTER = Set.of(Role.CLERK.authority(), Role.ADMIN.authority());

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.INTAKE, "查找参保人", "/intake/members", COUNTER, true),
                new MenuEntry(MenuSection.INTAKE, "登记参保人", "/intake/members/new", COUNTER, false),
                new MenuEntry(MenuSection.INTAKE, "登记单位", "/intake/units/new", COUNTER, false),
                new MenuEntry(MenuSection.INTAKE, "批量参保导入", "/intake/enrolment-import", COUNTER, false));
    }
}
