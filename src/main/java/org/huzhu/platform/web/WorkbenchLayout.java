package org.huzhu.platform.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.huzhu.platform.FramePeople;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's frame shows: the signed-in person's menu, built from the modules' entries
 * and cut to the roles they hold, with the open page's entry marked.
 */
@Component
@ControllerAdvice(annotations = WorkbenchController.class)
public class WorkbenchLayout {

    /** A heading of the menu and its links. */
    public record MenuGroup(String label, List<MenuLink> links) {
    }

    public record MenuLink(String label, String href, boolean active) {
    }

    private final List<WorkbenchMenu> menus;
    private final FramePeople people;

    WorkbenchLayout(List<WorkbenchMenu> menus, FramePeople people) {
        this.menus = menus;
        this.people = people;
    }

    @ModelAttribute
    void frame(Model model, HttpServletRequest request) {
        Authentication who = signedIn();
        model.addAttribute("menu", menuFor(who, request.getRequestURI()));
        model.addAttribute("me", people.describe(who, request));
    }

    /** The entries shown to this person, by heading in menu order. */
    public List<MenuEntry> entriesFor(Authentication who) {
        List<MenuEntry> shown = new ArrayList<>();
        if (who == null) {
            return shown;
        }
        for (WorkbenchMenu menu : menus) {
            menu.entries().stream().filter(entry -> entry.shownTo(who)).forEach(shown::add);
        }
        shown.sort((a, b) -> a.section().compareTo(b.section()));
        return shown;
    }

    List<MenuGroup> menuFor(Authentication who, String path) {
        List<MenuEntry> shown = entriesFor(who);
        // the longest matching link is the open page's: /claims/new rather than /claims
        String active = shown.stream().map(MenuEntry::href)
                .filter(href -> href.equals(path) || (!href.equals("/") && path.startsWith(href + "/")))
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElse(path.equals("/") ? "/" : null);
        Map<MenuSection, List<MenuLink>> groups = new EnumMap<>(MenuSection.class);
        for (MenuEntry entry : shown) {
            groups.computeIfAbsent(entry.section(), section -> new ArrayList<>())
                    .add(new MenuLink(entry.label(), entry.href(), entry.href().equals(active)));
        }
        return groups.entrySet().stream().map(group -> new MenuGroup(group.getKey().label(), group.getValue())).toList();
    }

    /** A failed page in the frame: its status, the heading for it and what went wrong, in Chinese. */
    public ModelAndView errorPage(HttpStatusCode status, String message) {
        ModelAndView page = new ModelAndView("platform/error", status);
        page.addObject("status", status.value());
        page.addObject("heading", switch (status.value()) {
            case 400 -> "填写的内容有误";
            case 403 -> "无权访问";
            case 404 -> "没有找到";
            case 409 -> "情况已有变化";
            case 503 -> "系统暂时不可用";
            default -> status.is5xxServerError() ? "系统出错" : "无法完成";
        });
        page.addObject("message", message);
        Authentication who = signedIn();
        page.addObject("menu", menuFor(who, ""));
        page.addObject("me", people.describe(who,
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest()));
        return page;
    }

    static Authentication signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof AnonymousAuthenticationToken ? null : who;
    }
}
