package org.huzhu.scheme.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.huzhu.membership.InsuranceType;
import org.huzhu.membership.Sex;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.Given;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.SentForms;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.ClaimWindowStart;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDraft;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

/**
 * A new rule set version from a form (新版本（表单）), filled in with the rules of the scheme's
 * latest version so the admin changes only what changed. Rows of tables are added and removed
 * by the server (增加一行, 删除), so the page needs no script. 核对 shows what the version would
 * change against the organiser's version in force and waits for 确认发布; both steps go through
 * the checks of {@link RuleSets#publish}, as the API and the upload do. A refused form shows
 * each problem at its input and keeps what was typed; a form confirmed twice publishes once.
 */
@WorkbenchController
class RuleSetFormPages {

    /** One field a new version changes, with its value before and after, as a person reads them. */
    record Change(String field, String before, String after) {
    }

    private static final Pattern ADD = Pattern.compile("add:(.+)");
    private static final Pattern REMOVE = Pattern.compile("remove:(.+)\\[(\\d+)]");

    private final RuleSets ruleSets;
    private final ObjectMapper json;
    private final Clock clock;

    RuleSetFormPages(RuleSets ruleSets, ObjectMapper json, Clock clock) {
        this.ruleSets = ruleSets;
        this.json = json;
        this.clock = clock;
    }

    /** The form, filled in with the version {@code from} or else the scheme's latest one. */
    @GetMapping("/schemes/{scheme}/rule-sets/new")
    String newVersion(@PathVariable String scheme, @RequestParam(required = false) Long from,
                      @AuthenticationPrincipal Staff staff, Model model) {
        SchemeController.requireProcessAdmin(staff);
        Scheme found = SchemeController.scheme(ruleSets, scheme);
        RuleSet base = from != null
                ? ruleSets.find(from).filter(r -> r.scheme().equals(found.code())).orElseThrow(() ->
                        DomainException.notFound("RULE_SET_NOT_FOUND", "规则版本不存在：" + from))
                : latest(found).orElseThrow(() -> DomainException.notFound("RULE_SET_NOT_FOUND",
                        "这个项目还没有规则版本，请先上传规则文件发布第一版"));
        model.addAttribute("base", base);
        return form(found, RuleSetForm.from(base, json), FieldErrors.none(), model);
    }

    /**
     * What the form's buttons do: add or remove a row (the form again, nothing checked), check
     * it and show the changes (核对), go back to it (返回修改), or publish it (确认发布).
     */
    @PostMapping("/schemes/{scheme}/rule-sets/new")
    String submit(@PathVariable String scheme, @RequestParam MultiValueMap<String, String> sent,
                  @AuthenticationPrincipal Staff staff, HttpSession session, HttpServletResponse response, Model model) {
        SchemeController.requireProcessAdmin(staff);
        Scheme found = SchemeController.scheme(ruleSets, scheme);
        RuleSetForm form = RuleSetForm.of(sent);
        String action = Objects.requireNonNullElse(sent.getFirst("action"), "review");
        Optional<RuleSetForm> changed = rowsChanged(form, action);
        if (changed.isPresent()) {
            return form(found, changed.get(), FieldErrors.none(), model);
        }
        if (action.equals("edit")) {
            return form(found, form, FieldErrors.none(), model);
        }
        FieldErrors errors = FieldErrors.none();
        RuleSetDraft draft = form.draft(json, errors);
        try {
            if (action.equals("publish") && errors.isEmpty()) {
                return publish(found, form, draft, staff, session);
            }
            ruleSets.check(found, draft);
            if (errors.isEmpty()) {
                return confirmation(found, form, draft, model);
            }
        } catch (InvalidInputException invalid) {
            form.addProblems(invalid.problems(), errors);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(found, form, errors, model);
    }

    private String publish(Scheme scheme, RuleSetForm form, RuleSetDraft draft, Staff staff, HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Long> published = SentForms.of(session, RuleSetFormPages.class);
            Long earlier = published.get(form.formId());
            if (earlier == null) {
                earlier = ruleSets.publish(scheme, draft, staff.userId(), clock.instant()).id();
                if (!form.formId().isBlank()) {
                    published.put(form.formId(), earlier);
                }
            }
            return "redirect:/schemes/" + scheme.code() + "?published=" + earlier;
        }
    }

    /** The form with a row added or removed, when that is what was asked. */
    private static Optional<RuleSetForm> rowsChanged(RuleSetForm form, String action) {
        Matcher add = ADD.matcher(action);
        if (add.matches() && RuleSetFields.CATALOGUE.table(add.group(1)) != null) {
            return Optional.of(form.withRow(RuleSetFields.CATALOGUE.table(add.group(1))));
        }
        Matcher remove = REMOVE.matcher(action);
        if (remove.matches() && RuleSetFields.CATALOGUE.table(remove.group(1)) != null) {
            return Optional.of(form.withoutRow(RuleSetFields.CATALOGUE.table(remove.group(1)), Integer.parseInt(remove.group(2))));
        }
        return Optional.empty();
    }

    private String form(Scheme scheme, RuleSetForm form, FieldErrors errors, Model model) {
        model.addAttribute("scheme", scheme);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Map<String, String> problems = new LinkedHashMap<>();
        errors.fields().forEach(field -> problems.put(RuleSetFields.CATALOGUE.fullLabel(field), errors.of(field)));
        model.addAttribute("problems", problems);
        model.addAttribute("fields", RuleSetFields.CATALOGUE);
        model.addAttribute("current", ruleSets.latestLive(scheme.code(), Given.text(form.value("organiser"))).orElse(null));
        model.addAttribute("expense", scheme.benefitKind() == BenefitKind.EXPENSE);
        model.addAttribute("insuranceTypes", InsuranceType.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("windowStarts", ClaimWindowStart.values());
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("organisers", ruleSets.organisersOf(scheme.code()));
        model.addAttribute("crumbs", crumbs(scheme, "新版本（表单）"));
        return "scheme/rule-set-form";
    }

    private String confirmation(Scheme scheme, RuleSetForm form, RuleSetDraft draft, Model model) {
        RuleSet current = ruleSets.latestLive(scheme.code(), draft.organiser()).orElse(null);
        model.addAttribute("scheme", scheme);
        model.addAttribute("form", form);
        model.addAttribute("draft", draft);
        model.addAttribute("current", current);
        model.addAttribute("changes", changes(current, draft));
        model.addAttribute("crumbs", crumbs(scheme, "核对新版本"));
        return "scheme/rule-set-confirm";
    }

    /** What the draft changes against the version it takes over: its period and every field of the rules that differs. */
    private List<Change> changes(RuleSet current, RuleSetDraft draft) {
        List<Change> changes = new ArrayList<>();
        period(changes, "effectiveFrom", current == null ? null : current.effectiveFrom(), draft.effectiveFrom());
        period(changes, "effectiveTo", current == null ? null : current.effectiveTo(), draft.effectiveTo());
        MultiValueMap<String, String> before = current == null ? MultiValueMap.fromSingleValue(Map.of())
                : RuleSetForm.fields(current.definition(), json);
        MultiValueMap<String, String> after = RuleSetForm.fields(draft.definition(), json);
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        for (String field : fields) {
            if (!RuleSetForm.same(before.get(field), after.get(field))) {
                changes.add(new Change(RuleSetFields.CATALOGUE.fullLabel(field), RuleSetFields.CATALOGUE.shown(field, before.get(field)),
                        RuleSetFields.CATALOGUE.shown(field, after.get(field))));
            }
        }
        return changes;
    }

    private static void period(List<Change> changes, String field, LocalDate before, LocalDate after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(RuleSetFields.CATALOGUE.label(field), before == null ? "—" : before.toString(),
                    after == null ? "—" : after.toString()));
        }
    }

    /** The scheme's latest live version of any organiser: the one that starts last. */
    private Optional<RuleSet> latest(Scheme scheme) {
        return ruleSets.versions(scheme.code(), null).stream().filter(r -> r.supersededBy() == null)
                .max((a, b) -> a.effectiveFrom().equals(b.effectiveFrom()) ? Long.compare(a.id(), b.id())
                        : a.effectiveFrom().compareTo(b.effectiveFrom()));
    }

    private static List<Crumb> crumbs(Scheme scheme, String here) {
        return List.of(new Crumb("保障项目与规则", "/schemes"), new Crumb(scheme.name(), "/schemes/" + scheme.code()),
                Crumb.here(here));
    }
}
