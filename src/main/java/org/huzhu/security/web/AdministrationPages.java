package org.huzhu.security.web;

import java.util.List;
import java.util.Set;

import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.huzhu.security.StaffAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The system administrators' place in the workbench: staff accounts, and on their home the accounts locked now. */
@Component
class AdministrationPages implements WorkbenchMenu, HomeFigures {

    private static final Set<String> ADMINS = Set.of(Role.ADMIN.authority());

    private final StaffAccounts accounts;

    AdministrationPages(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.SYSTEM, "员工账号与角色", "/system/accounts", ADMINS, true));
    }

    @Override
    public List<HomeFigure> figuresFor(Authentication who) {
        if (who.getAuthorities().stream().noneMatch(held -> ADMINS.contains(held.getAuthority()))) {
            return List.of();
        }
        return List.of(new HomeFigure("锁定或停用的账号", accounts.locked().size(), "/system/accounts?locked=true",
                HomeFigure.Tone.WARNING));
    }
}
