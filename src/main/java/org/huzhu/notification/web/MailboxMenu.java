package org.huzhu.notification.web;

import java.util.List;
import java.util.Set;

import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchMenu;
import org.springframework.stereotype.Component;

/** The demo mailbox in the system administrators' menu. */
@Component
class MailboxMenu implements WorkbenchMenu {

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.SYSTEM, "开发信箱", "/admin/mailbox", Set.of(MailboxPage.ADMIN), false));
    }
}
