package org.huzhu.notification.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.huzhu.notification.MailboxEntries;
import org.huzhu.notification.MailboxEntry;
import org.huzhu.notification.MessageKinds;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.WorkbenchController;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo mailbox (开发信箱) for system administrators: every message of the outbox, newest
 * first, with where it went, its full text (so the demo is walked without a phone) and how its
 * delivery stands.
 */
@WorkbenchController
class MailboxPage {

    static final String ADMIN = "ROLE_ADMIN";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Beijing.ZONE);

    private final MailboxEntries entries;

    MailboxPage(MailboxEntries entries) {
        this.entries = entries;
    }

    /** A row of the page, its times in Beijing time. */
    record Row(MailboxEntry entry, String createdAt, String sentAt, String nextAttemptAt) {
    }

    @GetMapping("/admin/mailbox")
    String mailbox(@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String kind,
                   @RequestParam(defaultValue = "0") int page, Authentication who, Model model) {
        if (who.getAuthorities().stream().noneMatch(held -> ADMIN.equals(held.getAuthority()))) {
            throw DomainException.forbidden("NOT_ADMIN", "只有系统管理员可以查看开发信箱");
        }
        MailboxEntries.Page found = entries.page(to, kind, page);
        model.addAttribute("rows", found.entries().stream()
                .map(e -> new Row(e, time(e.createdAt()), time(e.sentAt()), time(e.nextAttemptAt()))).toList());
        model.addAttribute("page", found.page());
        model.addAttribute("more", found.more());
        model.addAttribute("to", to.strip());
        model.addAttribute("kind", kind.strip());
        model.addAttribute("kinds", MessageKinds.all());
        model.addAttribute("crumbs", List.of(Crumb.here("开发信箱")));
        return "notification/mailbox";
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }
}
