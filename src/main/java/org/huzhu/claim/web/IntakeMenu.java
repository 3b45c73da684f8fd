package org.huzhu.claim.web;

import java.util.List;
import java.util.Set;

import org.huzhu.claim.Claims;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Taking claims in, in the workbench's menu (受理), and the claims waiting for papers on the clerk's home. */
@Component
class IntakeMenu implements WorkbenchMenu, HomeFigures {

    private static final Set<String> COUNTER = Set.of(Role.CLERK.authority(), Role.ADMIN.authority());

    private final Claims claims;
    private final MembershipRegistry registry;

    IntakeMenu(Claims claims, MembershipRegistry registry) {
        this.claims = claims;
        this.registry = registry;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.INTAKE, "受理申请", "/intake/claims/new", COUNTER, true),
                new MenuEntry(MenuSection.INTAKE, "待补件申请", "/intake/supplements", COUNTER, false));
    }

    /** For clerks only: an administrator's home is not the counter's. */
    @Override
    public List<HomeFigure> figuresFor(Authentication who) {
        if (!(who.getPrincipal() instanceof Staff staff) || !staff.has(Role.CLERK)) {
            return List.of();
        }
        long waiting = claims.countAwaitingSupplements(SupplementPages.agencyIds(registry, staff));
        return List.of(new HomeFigure("待补件的申请", waiting, "/intake/supplements", HomeFigure.Tone.WARNING));
    }
}
