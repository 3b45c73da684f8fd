package org.huzhu.platform;

import java.util.List;

/** A module's pages in the workbench's menu. */
public interface WorkbenchMenu {

    List<MenuEntry> entries();
}
