package org.huzhu.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.huzhu.platform.HomeFigure;
import org.huzhu.platform.HomeFigures;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.WorkbenchController;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench's home: the person's counts from every module, and shortcuts to their daily pages. */
@WorkbenchController
class HomePage {

    private final List<HomeFigures> figures;
    private final WorkbenchLayout layout;

    HomePage(List<HomeFigures> figures, WorkbenchLayout layout) {
        this.figures = figures;
        this.layout = layout;
    }

    @GetMapping("/")
    String home(Authentication who, Model model) {
        List<HomeFigure> counts = new ArrayList<>();
        figures.forEach(module -> counts.addAll(module.figuresFor(who)));
        model.addAttribute("figures", counts);
        model.addAttribute("shortcuts", layout.entriesFor(who).stream().filter(MenuEntry::shortcut).toList());
        return "platform/home";
    }
}
