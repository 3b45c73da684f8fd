package org.huzhu.sla.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.huzhu.sla.CalendarDay;
import org.huzhu.sla.CalendarPublication;
import org.huzhu.sla.CalendarSubmission;
import org.huzhu.sla.PublishedCalendar;
import org.huzhu.sla.WorkingDayCalendar;
import org.huzhu.sla.WorkingDayCalendars;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process admins' working-day calendar in the workbench: the years published and missing,
 * a year as twelve month grids with its versions, and a year published (or corrected) from the
 * days typed as the State Council's notice lists them, previewed as a grid first. The same
 * services as {@link CalendarController}.
 */
@WorkbenchController
class CalendarPages {

    @Component
    static class Menu implements WorkbenchMenu {

        @Override
        public List<MenuEntry> entries() {
            return List.of(new MenuEntry(MenuSection.RULES, "工作日历", "/calendar",
                    Set.of(Role.PROCESS_ADMIN.authority(), Role.ADMIN.authority()), true));
        }
    }

    /** A row of the overview: a published year, or this or next year still missing ({@code calendar} null). */
    record YearRow(int year, PublishedCalendar calendar, String publishedBy, OffsetDateTime publishedAt, long offDays,
                   long makeUpDays) {
    }

    /** A version of a year with who published it (by name) and how it differs from the version before. */
    record VersionRow(PublishedCalendar calendar, String publishedBy, OffsetDateTime publishedAt, String changes) {
    }

    /** What the publishing form holds: as typed, and the version it corrects (0 for a first publication). */
    record Form(String notice, String days, int basedOn) {
    }

    private final WorkingDayCalendars calendars;
    private final CalendarPublication publication;
    private final StaffDirectory directory;
    private final Clock clock;

    CalendarPages(WorkingDayCalendars calendars, CalendarPublication publication, StaffDirectory directory, Clock clock) {
        this.calendars = calendars;
        this.publication = publication;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String overview(@AuthenticationPrincipal Staff staff, Model model) {
        requireProcessAdmin(staff);
        int next = today().getYear() + 1;
        Map<Integer, PublishedCalendar> published = new TreeMap<>(Comparator.reverseOrder());
        calendars.publishedYears().forEach(calendar -> published.put(calendar.year(), calendar));
        Set<Integer> years = new HashSet<>(published.keySet());
        years.addAll(List.of(next - 1, next));
        Map<String, String> names = directory.names(published.values().stream().map(PublishedCalendar::publishedBy).toList());
        List<YearRow> rows = years.stream().sorted(Comparator.reverseOrder()).map(year -> {
            PublishedCalendar calendar = published.get(year);
            return calendar == null ? new YearRow(year, null, null, null, 0, 0)
                    : new YearRow(year, calendar, names.get(calendar.publishedBy()), inBeijing(calendar),
                    count(calendar.days(), true), count(calendar.days(), false));
        }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("nextYear", next);
        model.addAttribute("nextYearMissing", !published.containsKey(next));
        model.addAttribute("missing", rows.stream().filter(row -> row.calendar() == null).map(YearRow::year).sorted().toList());
        model.addAttribute("crumbs", List.of(Crumb.here("工作日历")));
        return "sla/calendars";
    }

    @GetMapping("/calendar/{year}")
    String year(@PathVariable int year, @AuthenticationPrincipal Staff staff, Model model) {
        requireProcessAdmin(staff);
        CalendarController.checkYear(year);
        List<PublishedCalendar> versions = calendars.versions(year);
        Map<String, String> names = directory.names(versions.stream().map(PublishedCalendar::publishedBy).toList());
        List<VersionRow> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            PublishedCalendar version = versions.get(i);
            rows.add(new VersionRow(version, names.get(version.publishedBy()), inBeijing(version),
                    i + 1 < versions.size() ? changes(versions.get(i + 1).days(), version.days()) : "首次发布"));
        }
        model.addAttribute("year", year);
        model.addAttribute("current", rows.isEmpty() ? null : rows.get(0));
        model.addAttribute("versions", rows);
        List<CalendarDay> days = versions.isEmpty() ? List.of() : versions.get(0).days();
        model.addAttribute("grid", YearGrid.of(year, days, today()));
        model.addAttribute("lines", CalendarText.write(days).lines().toList());
        model.addAttribute("missingNote", CalendarController.missingNote(List.of(year)));
        model.addAttribute("crumbs", List.of(new Crumb("工作日历", "/calendar"), Crumb.here(year + "年")));
        return "sla/calendar";
    }

    /** The publishing form: empty for a year not yet published, a correction's holding the days in force. */
    @GetMapping("/calendar/{year}/publication")
    String publicationForm(@PathVariable int year, @AuthenticationPrincipal Staff staff, Model model) {
        requireProcessAdmin(staff);
        CalendarController.checkYear(year);
        Optional<PublishedCalendar> current = calendars.published(year);
        Form form = current.map(c -> new Form(c.notice(), CalendarText.write(c.days()), c.version()))
                .orElse(new Form(null, "", 0));
        return form(year, current.orElse(null), form, FieldErrors.none(), List.of(), model);
    }

    /**
     * 预览 shows the typed days as the year's grid, storing nothing; 确认发布 publishes what was
     * previewed as the year's next version. Problems are shown at their field and line, typed
     * text kept, nothing stored; a form whose version was meanwhile superseded says by whom.
     */
    @PostMapping("/calendar/{year}/publication")
    String publish(@PathVariable int year, @RequestParam(required = false) String notice,
                   @RequestParam(required = false) String days, @RequestParam(required = false) String basedOn,
                   @RequestParam(required = false) String previewed, @RequestParam(required = false) String action,
                   @AuthenticationPrincipal Staff staff, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        requireProcessAdmin(staff);
        CalendarController.checkYear(year);
        Optional<PublishedCalendar> current = calendars.published(year);
        int based = basedOn == null || !basedOn.strip().matches("\\d{1,4}") ? 0 : Integer.parseInt(basedOn.strip());
        Form form = new Form(notice, days, based);
        CalendarText.Read read = CalendarText.read(days);
        CalendarSubmission submission = new CalendarSubmission(notice, read.days());
        List<CalendarDay> checked = null;
        List<FieldProblem> problems = List.of();
        try {
            checked = CalendarPublication.check(year, submission);
        } catch (InvalidInputException invalid) {
            problems = invalid.problems();
        }
        if (checked == null || !read.problems().isEmpty()) {
            return refused(year, current, form, read, problems, response, model);
        }
        String digest = digest(notice, checked);
        if (!"publish".equals(action) || !digest.equals(previewed)) {
            if ("publish".equals(action)) {
                model.addAttribute("warning", "预览之后内容有改动，请核对下面的新预览，再确认发布。");
            }
            return preview(year, current.orElse(null), form, checked, digest, model);
        }
        if (current.isPresent() && current.get().version() != based) {
            PublishedCalendar meanwhile = current.get();
            if (meanwhile.publishedBy().equals(staff.userId()) && digest.equals(digest(meanwhile.notice(), meanwhile.days()))) {
                redirect.addFlashAttribute("published", meanwhile.version());
                return "redirect:/calendar/" + year;
            }
            return stale(year, meanwhile, form, checked, digest, response, model);
        }
        try {
            CalendarPublication.Published published = publication.publish(year, submission, staff);
            redirect.addFlashAttribute("published", published.calendar().version());
            redirect.addFlashAttribute("rescheduled", published.runningClaimsRescheduled());
            return "redirect:/calendar/" + year;
        } catch (DuplicateKeyException publishedMeanwhile) {
            return stale(year, calendars.published(year).orElseThrow(), form, checked, digest, response, model);
        }
    }

    private String refused(int year, Optional<PublishedCalendar> current, Form form, CalendarText.Read read,
                           List<FieldProblem> problems, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        FieldErrors errors = FieldErrors.none();
        problems.stream().filter(p -> !p.field().startsWith("days[")).forEach(p -> errors.add(p.field(), p.message()));
        List<String> lines = read.with(problems).messages();
        if (!lines.isEmpty()) {
            errors.add("days", "有" + lines.size() + "行需要改正，日历未发布");
        }
        return form(year, current.orElse(null), form, errors, lines, model);
    }

    private String stale(int year, PublishedCalendar meanwhile, Form form, List<CalendarDay> checked, String digest,
                         HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("warning", year + "年日历已由" + directory.names(List.of(meanwhile.publishedBy()))
                .get(meanwhile.publishedBy()) + "发布为第" + meanwhile.version() + "版，本次未发布。请核对下面的预览，确认后再发布为第"
                + (meanwhile.version() + 1) + "版。");
        return preview(year, meanwhile, new Form(form.notice(), form.days(), meanwhile.version()), checked, digest, model);
    }

    private String preview(int year, PublishedCalendar current, Form form, List<CalendarDay> checked, String digest,
                           Model model) {
        model.addAttribute("preview", YearGrid.of(year, checked, today()));
        model.addAttribute("previewed", digest);
        return form(year, current, form, FieldErrors.none(), List.of(), model);
    }

    private String form(int year, PublishedCalendar current, Form form, FieldErrors errors, List<String> lineProblems,
                        Model model) {
        model.addAttribute("year", year);
        model.addAttribute("calendar", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lineProblems", lineProblems);
        // not "title": the layout's fragment parameter of that name would hide it
        String heading = current == null ? "发布" + year + "年日历" : "更正" + year + "年日历";
        model.addAttribute("heading", heading);
        model.addAttribute("crumbs", List.of(new Crumb("工作日历", "/calendar"), new Crumb(year + "年", "/calendar/" + year),
                Crumb.here(heading)));
        return "sla/publication";
    }

    /** The dates added, dropped or changed from one version to the next: 新增2027-02-17；取消2027-02-18. */
    static String changes(List<CalendarDay> before, List<CalendarDay> after) {
        Map<LocalDate, CalendarDay> old = before.stream().collect(Collectors.toMap(CalendarDay::date, d -> d));
        Map<LocalDate, CalendarDay> now = after.stream().collect(Collectors.toMap(CalendarDay::date, d -> d));
        List<String> said = new ArrayList<>();
        after.stream().filter(day -> !old.containsKey(day.date()))
                .forEach(day -> said.add("新增" + day.date() + (day.offDay() ? "放假" : "调休上班")));
        before.stream().filter(day -> !now.containsKey(day.date())).forEach(day -> said.add("取消" + day.date()));
        after.stream().filter(day -> old.containsKey(day.date()) && !old.get(day.date()).equals(day))
                .forEach(day -> said.add("改为" + day.date() + (day.offDay() ? "放假" : "调休上班") + "（" + day.name() + "）"));
        return said.isEmpty() ? "日期未变" : String.join("；", said);
    }

    /** What was previewed, so that 确认发布 publishes nothing else: the notice and the checked days. */
    private static String digest(String notice, List<CalendarDay> days) {
        String content = (notice == null ? "" : notice.strip()) + "\n" + days.stream()
                .sorted(Comparator.comparing(CalendarDay::date))
                .map(day -> day.date() + " " + day.offDay() + " " + day.name()).collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime inBeijing(PublishedCalendar calendar) {
        return calendar.publishedAt().atZone(Beijing.ZONE).toOffsetDateTime();
    }

    private LocalDate today() {
        return WorkingDayCalendar.dayOf(clock.instant());
    }

    private static long count(List<CalendarDay> days, boolean offDays) {
        return days.stream().filter(day -> day.offDay() == offDays).count();
    }

    private static void requireProcessAdmin(Staff staff) {
        staff.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
    }

}
