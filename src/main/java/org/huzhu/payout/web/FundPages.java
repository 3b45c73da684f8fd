package org.huzhu.payout.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.huzhu.membership.EnrolmentImport;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.Unit;
import org.huzhu.payout.Contribution;
import org.huzhu.payout.ContributionInput;
import org.huzhu.payout.Fund;
import org.huzhu.payout.FundBalance;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.Given;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Money;
import org.huzhu.platform.SentForms;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

/**
 * The fund of each scheme year (a negative balance is a warning), and the money recorded into
 * it: the units' contributions and the funders' subsidies, with a form to record one.
 */
@WorkbenchController
class FundPages {

    /** The forms this session has sent, each with what it recorded: a form sent twice records once. */

    private final Fund fund;
    private final RuleSets ruleSets;
    private final Organisations organisations;
    private final Clock clock;

    FundPages(Fund fund, RuleSets ruleSets, Organisations organisations, Clock clock) {
        this.fund = fund;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.clock = clock;
    }

    record BalanceRow(String scheme, String schemeName, FundBalance balance) {

        public boolean negative() {
            return balance.balance().signum() < 0;
        }
    }

    @GetMapping("/finance/fund")
    String fund(@AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        Map<String, String> names = schemeNames();
        List<BalanceRow> rows = fund.years().stream()
                .map(year -> new BalanceRow(year.scheme(), names.getOrDefault(year.scheme(), year.scheme()),
                        fund.balance(year.scheme(), year.year())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("negative", rows.stream().filter(BalanceRow::negative).toList());
        model.addAttribute("crumbs", List.of(Crumb.here("基金结余")));
        return "payout/fund";
    }

    /** A recorded contribution with the unit's name and the scheme's, its time in Beijing. */
    record ContributionRow(Contribution contribution, String schemeName, String source, LocalDateTime recordedAt) {
    }

    /** What the person typed into the form, as typed; {@code enrolmentImportId} when it pays for an imported list. */
    record ContributionForm(String kind, String scheme, String schemeYear, String unitCode, String members,
                            String perMember, String funderCode, String amount, String note, String formId,
                            String enrolmentImportId) {

        public boolean fromUnit() {
            return !"FUNDER".equals(kind);
        }
    }

    /**
     * The list and the form; {@code fromImport} fills the form with an imported member list's
     * unit, scheme, year and head count, so that only the fee per member is left to type.
     */
    @GetMapping("/finance/contributions")
    String contributions(@RequestParam(required = false) Long recorded, @RequestParam(required = false) Long fromImport,
                         @AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        if (recorded != null) {
            model.addAttribute("recorded", recorded);
        }
        int year = LocalDate.now(clock.withZone(Beijing.ZONE)).getYear();
        ContributionForm form = new ContributionForm("UNIT", "INPATIENT", Integer.toString(year), "", "", "", "", "", "",
                UUID.randomUUID().toString(), null);
        if (fromImport != null) {
            EnrolmentImport.Imported imported = fund.imported(fromImport)
                    .orElseThrow(() -> DomainException.notFound("IMPORT_NOT_FOUND", "没有这次参保名单导入"));
            form = new ContributionForm("UNIT", imported.scheme(), Integer.toString(imported.validFrom().getYear()),
                    imported.unitCode(), Integer.toString(imported.enrolled()), "", "", "",
                    "按参保名单：" + imported.fileName(), form.formId(), Long.toString(imported.id()));
        }
        return contributionsPage(staff, model, form, FieldErrors.none());
    }

    /** 缴费收据: what was received, from whom, for which year, in figures and in capital numerals; printable. */
    @GetMapping("/finance/contributions/{id}/receipt")
    String receipt(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model) {
        FinanceController.requireFinanceReader(staff);
        Contribution contribution = fund.contribution(id)
                .orElseThrow(() -> DomainException.notFound("CONTRIBUTION_NOT_FOUND", "没有这笔缴费或补贴"));
        model.addAttribute("contribution", contribution);
        model.addAttribute("schemeName", schemeNames().getOrDefault(contribution.scheme(), contribution.scheme()));
        model.addAttribute("payer", contribution.unitCode() != null ? unitName(contribution.unitCode())
                : contribution.funderCode());
        model.addAttribute("amountInWords", Money.inWords(contribution.amount()));
        model.addAttribute("recordedAt", PaymentLine.beijing(contribution.recordedAt()));
        model.addAttribute("imported", contribution.enrolmentImportId() == null ? null
                : fund.imported(contribution.enrolmentImportId()).orElse(null));
        model.addAttribute("crumbs", List.of(new Crumb("缴费与补贴", "/finance/contributions"),
                Crumb.here("收据 " + contribution.receiptNumber())));
        return "payout/contribution-receipt";
    }

    /**
     * Records the contribution and shows the list with it; a problem shows at its field with what
     * was typed, and nothing is stored. A value that does not read as a number is its field's
     * problem; the fund checks the rest, so every problem of the form shows at once.
     */
    @PostMapping("/finance/contributions")
    String record(ContributionForm form, @AuthenticationPrincipal Staff staff, HttpSession session,
                  HttpServletResponse response, Model model) {
        FinanceController.requireFinanceRecorder(staff);
        FieldErrors errors = FieldErrors.none();
        boolean fromUnit = form.fromUnit();
        ContributionInput input = new ContributionInput(Given.text(form.scheme()),
                whole(form.schemeYear(), "schemeYear", errors),
                fromUnit ? given(form.unitCode(), "unitCode", "请填写缴费单位编码", errors) : null,
                fromUnit ? whole(form.members(), "members", errors) : null,
                fromUnit ? amount(form.perMember(), "perMember", errors) : null,
                fromUnit ? null : given(form.funderCode(), "funderCode", "请填写出资方编码", errors),
                fromUnit ? null : amount(form.amount(), "amount", errors),
                Given.text(form.note()), fromUnit ? importId(form.enrolmentImportId(), errors) : null);
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, Long> sent = SentForms.of(session, FundPages.class);
            Long earlier = form.formId() == null ? null : sent.get(form.formId());
            if (earlier != null) {
                return "redirect:/finance/contributions?recorded=" + earlier;
            }
            try {
                if (errors.isEmpty()) {
                    long id = fund.record(input, staff);
                    if (form.formId() != null) {
                        sent.put(form.formId(), id);
                    }
                    return "redirect:/finance/contributions?recorded=" + id;
                }
                fund.check(input);
            } catch (InvalidInputException invalid) {
                errors.addAll(invalid.problems().stream().map(FundPages::inWords).toList());
            } catch (DomainException conflict) {
                if (!"IMPORT_ALREADY_RECORDED".equals(conflict.code())) {
                    throw conflict;
                }
                errors.add("enrolmentImportId", conflict.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return contributionsPage(staff, model, form, errors);
    }

    private String contributionsPage(Staff staff, Model model, ContributionForm form, FieldErrors errors) {
        Map<String, String> names = schemeNames();
        Map<String, String> units = new HashMap<>();
        model.addAttribute("contributions", fund.contributions(PaymentPages.LIST_LIMIT).stream()
                .map(c -> new ContributionRow(c, names.getOrDefault(c.scheme(), c.scheme()),
                        c.unitCode() != null ? units.computeIfAbsent(c.unitCode(), this::unitName) : c.funderCode(),
                        PaymentLine.beijing(c.recordedAt())))
                .toList());
        model.addAttribute("imports", fund.recentImports(IMPORT_ROWS).stream()
                .map(i -> new ImportRow(i.imported(), names.getOrDefault(i.imported().scheme(), i.imported().scheme()),
                        PaymentLine.beijing(i.imported().importedAt()), i.contributionId())).toList());
        model.addAttribute("schemes", ruleSets.schemes());
        model.addAttribute("mayRecord", staff.hasAny(Role.FINANCE, Role.ADMIN));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("limit", PaymentPages.LIST_LIMIT);
        model.addAttribute("crumbs", List.of(Crumb.here("缴费与补贴")));
        return "payout/contributions";
    }

    /** The imports listed for their contributions: the newest this many. */
    static final int IMPORT_ROWS = 20;

    /** An imported member list beside its contribution (null while none is recorded). */
    record ImportRow(EnrolmentImport.Imported imported, String schemeName, LocalDateTime importedAt, Long contributionId) {
    }

    private static Long importId(String text, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add("enrolmentImportId", "参保名单导入编号有误");
            return null;
        }
    }

    /** The fund names the API's fields; the form has its own words for them. */
    private static FieldProblem inWords(FieldProblem problem) {
        return switch (problem.code()) {
            case "UNKNOWN_SCHEME" -> new FieldProblem(problem.field(), problem.code(), "请选择互助项目");
            case "UNKNOWN_UNIT" -> new FieldProblem(problem.field(), problem.code(), "没有这个单位编码");
            default -> problem;
        };
    }

    private String unitName(String code) {
        return organisations.unit(code).map(Unit::name).map(name -> name + "（" + code + "）").orElse(code);
    }

    private Map<String, String> schemeNames() {
        Map<String, String> names = new HashMap<>();
        ruleSets.schemes().forEach(scheme -> names.put(scheme.code(), scheme.name()));
        return names;
    }

    /** The text, or an empty one with the problem noted, so the fund still checks the other fields. */
    private static String given(String text, String field, String missing, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, missing);
            return "";
        }
        return text.strip();
    }

    private static Integer whole(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(field, "请填写整数");
            return null;
        }
    }

    private static BigDecimal amount(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(field, "请填写金额（元），如1234.50");
            return null;
        }
    }
}
