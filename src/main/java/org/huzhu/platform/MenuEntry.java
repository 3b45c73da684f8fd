package org.huzhu.platform;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * One link of the workbench's menu, shown to those holding one of its authorities (such as
 * {@code ROLE_CLERK}); a shortcut is offered on their home page too. Each module names its own
 * pages through a {@link WorkbenchMenu} bean.
 */
public record MenuEntry(MenuSection section, String label, String href, Set<String> authorities, boolean shortcut) {

    public boolean shownTo(Authentication who) {
        Collection<? extends GrantedAuthority> held = who.getAuthorities();
        return held.stream().map(GrantedAuthority::getAuthority).anyMatch(authorities::contains);
    }
}
