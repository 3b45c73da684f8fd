package org.huzhu.membership.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.huzhu.audit.AuditTrail;
import org.huzhu.membership.Agency;
import org.huzhu.membership.EnrolmentImport;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.membership.Organisations;
import org.huzhu.membership.SchemeNames;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 批量参保: a clerk imports a unit's member list for a scheme's period from Excel or CSV, with a
 * template to fill in; a refused list comes back with each wrong row, its line and the reason,
 * and the rows left out of an import of the good rows download as a file to correct.
 */
@WorkbenchController
class EnrolmentImportPages {

    /** What the form sends besides the file; kept when the page comes back with problems. */
    record ImportForm(String unitCode, String scheme, String validFrom, String validTo, Boolean goodRowsOnly) {

        public boolean goodOnly() {
            return Boolean.TRUE.equals(goodRowsOnly);
        }
    }

    private final EnrolmentImport imports;
    private final MembershipRegistry registry;
    private final Organisations organisations;
    private final SchemeNames schemes;
    private final AuditTrail audit;
    private final Clock clock;

    EnrolmentImportPages(EnrolmentImport imports, MembershipRegistry registry, Organisations organisations,
                         SchemeNames schemes, AuditTrail audit, Clock clock) {
        this.imports = imports;
        this.registry = registry;
        this.organisations = organisations;
        this.schemes = schemes;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/intake/enrolment-import")
    String form(@RequestParam(required = false) String unit, @AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        int year = LocalDate.now(clock.withZone(Beijing.ZONE)).getYear();
        return page(new ImportForm(unit, null, year + "-01-01", year + "-12-31", false), FieldErrors.none(), staff, model);
    }

    @PostMapping("/intake/enrolment-import")
    String send(ImportForm form, @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal Staff staff,
                Model model, HttpServletResponse response) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        FieldErrors errors = FieldErrors.none();
        LocalDate from = errors.date("validFrom", form.validFrom());
        LocalDate to = errors.date("validTo", form.validTo());
        if (errors.isEmpty()) {
            try {
                EnrolmentImport.Result result = imports.run(new EnrolmentImport.Request(form.unitCode(), form.scheme(),
                        from, to, file == null ? null : file.getOriginalFilename(), bytes(file), form.goodOnly()), staff);
                model.addAttribute("result", result);
                model.addAttribute("schemeName", schemes.schemeNames().getOrDefault(result.scheme(), result.scheme()));
                model.addAttribute("crumbs", List.of(new Crumb("批量参保导入", "/intake/enrolment-import"),
                        Crumb.here(result.unitName())));
                return "membership/enrolment-imported";
            } catch (EnrolmentImport.RowsRefused refused) {
                model.addAttribute("refused", refused.rows());
                errors.addAll(refused.problems());
            } catch (InvalidInputException invalid) {
                errors.addAll(invalid.problems());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(form, errors, staff, model);
    }

    /** The list to fill in, as {@code template.xlsx} or {@code template.csv}: the header row as the import reads it. */
    @GetMapping("/intake/enrolment-import/template.{format}")
    ResponseEntity<?> template(@PathVariable String format, @AuthenticationPrincipal Staff staff) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        Spreadsheet.Sheet sheet = new Spreadsheet.Sheet("参保名单", List.of("姓名", "身份证号", "手机号", "参保类型"),
                List.of(List.of("张三（示例，导入前请删除此行）", "", "", "职工医保")));
        return Spreadsheet.download(format, "参保名单模板", sheet);
    }

    /** The rows an import of the good rows left out, in full (the clerk's own list to correct): each download recorded. */
    @GetMapping("/intake/enrolment-import/{id}/refused.csv")
    ResponseEntity<String> refused(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        EnrolmentImport.Result result = imports.get(id, staff);
        List<List<Object>> rows = result.refused().stream().map(row -> Arrays.<Object>asList(row.line(), row.name(),
                row.idNumber(), row.mobile(), row.insuranceType(), row.reason())).toList();
        audit.record(staff.userId(), "ENROLMENT_REFUSED_ROWS_DOWNLOADED", "UNIT", result.unitCode(), null,
                result.fileName() + "：" + result.refused().size() + "行");
        return Spreadsheet.csvDownload(result.unitCode() + "-未导入人员-" + id, new Spreadsheet.Sheet("未导入人员",
                List.of("行号", "姓名", "身份证号", "手机号", "参保类型", "未导入原因"), rows));
    }

    private String page(ImportForm form, FieldErrors errors, Staff staff, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("schemes", schemes.schemeNames());
        model.addAttribute("units", registry.counterAgencies(staff).stream().map(Agency::code)
                .flatMap(agency -> organisations.unitsOf(agency).stream()).toList());
        if (!model.containsAttribute("refused")) {
            model.addAttribute("refused", List.of());
        }
        model.addAttribute("crumbs", List.of(new Crumb("查找参保人", "/intake/members"), Crumb.here("批量参保导入")));
        return "membership/enrolment-import";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
