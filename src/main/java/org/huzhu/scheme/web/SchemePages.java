package org.huzhu.scheme.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.Given;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.Problems;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSetDraft;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The process admins' schemes in the workbench: each scheme's rule set versions, and a new
 * version published from an uploaded JSON file of rules, with every problem at its field. The
 * same service as {@link SchemeController}.
 */
@WorkbenchController
class SchemePages {

    @Component
    static class Menu implements WorkbenchMenu {

        @Override
        public List<MenuEntry> entries() {
            return List.of(new MenuEntry(MenuSection.RULES, "保障项目与规则", "/schemes",
                    Set.of(Role.PROCESS_ADMIN.authority(), Role.ADMIN.authority()), false));
        }
    }

    private final RuleSets ruleSets;
    private final ObjectMapper json;
    private final Clock clock;
    private final StaffDirectory directory;

    SchemePages(RuleSets ruleSets, ObjectMapper json, Clock clock, StaffDirectory directory) {
        this.directory = directory;
        this.ruleSets = ruleSets;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/schemes")
    String schemes(@AuthenticationPrincipal Staff staff, Model model) {
        SchemeController.requireProcessAdmin(staff);
        model.addAttribute("schemes", ruleSets.schemes());
        model.addAttribute("crumbs", List.of(Crumb.here("保障项目与规则")));
        return "scheme/schemes";
    }

    @GetMapping("/schemes/{scheme}")
    String scheme(@PathVariable String scheme, @RequestParam(required = false) Long published,
                  @AuthenticationPrincipal Staff staff, Model model) {
        SchemeController.requireProcessAdmin(staff);
        if (published != null) {
            ruleSets.find(published).filter(r -> r.scheme().equals(scheme)).ifPresent(r -> model.addAttribute("published", r));
        }
        return page(scheme(scheme), model);
    }

    /** Publishes the uploaded rules as a new version; refused, it shows each problem at its field and stores nothing. */
    @PostMapping("/schemes/{scheme}/rule-sets")
    String publish(@PathVariable String scheme, @RequestParam(required = false) String organiser,
                   @RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String effectiveTo,
                   @RequestParam(required = false) String reason,
                   @RequestParam(name = "definition", required = false) MultipartFile definition,
                   @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model) {
        SchemeController.requireProcessAdmin(staff);
        Scheme found = scheme(scheme);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("organiser", organiser);
        typed.put("effectiveFrom", effectiveFrom);
        typed.put("effectiveTo", effectiveTo);
        typed.put("reason", reason);
        Problems problems = new Problems();
        LocalDate from = date(effectiveFrom, "effectiveFrom", problems);
        LocalDate to = date(effectiveTo, "effectiveTo", problems);
        if (reason != null && reason.length() > 500) {
            problems.add("reason", "TOO_LONG", "最多500个字");
        }
        RuleSetDefinition rules = null;
        try {
            rules = rules(definition);
        } catch (InvalidInputException unreadable) {
            unreadable.problems().forEach(p -> problems.add(p.field(), p.code(), p.message()));
        }
        try {
            problems.throwIfAny();
            RuleSet published = ruleSets.publish(found, new RuleSetDraft(Given.text(organiser), from, to, reason, rules),
                    staff.userId(), clock.instant());
            return "redirect:/schemes/" + found.code() + "?published=" + published.id();
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().stream().filter(p -> !p.field().startsWith("definition."))
                    .forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
            model.addAttribute("errors", errors);
            model.addAttribute("definitionProblems",
                    invalid.problems().stream().filter(p -> p.field().startsWith("definition.")).toList());
            model.addAttribute("typed", typed);
            return page(found, model);
        }
    }

    private String page(Scheme scheme, Model model) {
        model.addAttribute("scheme", scheme);
        List<SchemeController.RuleSetView> versions = ruleSets.versions(scheme.code(), null).stream()
                .map(rules -> SchemeController.RuleSetView.of(rules, false)).toList();
        model.addAttribute("versions", versions);
        model.addAttribute("names", directory.names(versions.stream().map(SchemeController.RuleSetView::publishedBy).toList()));
        model.addAttribute("organisers", ruleSets.organisersOf(scheme.code()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("crumbs", List.of(new Crumb("保障项目与规则", "/schemes"), Crumb.here(scheme.name())));
        return "scheme/scheme";
    }

    /** The uploaded file's rules, read as the API reads a publication's definition. */
    private RuleSetDefinition rules(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        JsonNode tree;
        try {
            tree = json.readTree(file.getBytes());
        } catch (IOException e) {
            throw new InvalidInputException("definition", "MALFORMED_JSON", "规则文件不是有效的 JSON");
        }
        return SchemeController.definition(json, tree);
    }

    private static LocalDate date(String value, String field, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "INVALID_DATE", "日期格式应为 2026-12-02");
            return null;
        }
    }

    private Scheme scheme(String code) {
        return SchemeController.scheme(ruleSets, code);
    }
}
