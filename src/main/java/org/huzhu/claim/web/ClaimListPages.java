package org.huzhu.claim.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimSearch;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.MenuEntry;
import org.huzhu.platform.MenuSection;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.platform.WorkbenchMenu;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 申请查询: every claim the person may read, by status, scheme, agency, the days it was handed
 * in, its number or the member's name; 50 a page, newest first, and the whole list as a file.
 */
@WorkbenchController
class ClaimListPages implements WorkbenchMenu {

    private static final Set<String> READERS = Arrays.stream(new Role[] {Role.CLERK, Role.AGENCY_AUDITOR,
            Role.LEAGUE_AUDITOR, Role.LEAGUE_HEAD, Role.COMMITTEE, Role.SUPERVISOR, Role.ADMIN})
            .map(Role::authority).collect(Collectors.toSet());

    private final ClaimSearch search;
    private final ClaimAccess access;
    private final RuleSets ruleSets;
    private final AuditTrail audit;

    ClaimListPages(ClaimSearch search, ClaimAccess access, RuleSets ruleSets, AuditTrail audit) {
        this.search = search;
        this.access = access;
        this.ruleSets = ruleSets;
        this.audit = audit;
    }

    @Override
    public List<MenuEntry> entries() {
        return List.of(new MenuEntry(MenuSection.WORK, "申请查询", "/claims", READERS, true));
    }

    @GetMapping("/claims")
    String list(@ModelAttribute("filter") ClaimList asked, @AuthenticationPrincipal Staff staff, Model model,
                HttpServletResponse response) {
        Map<String, String> schemes = ruleSets.schemeNames();
        model.addAttribute("schemes", schemes);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("agencies", access.readableAgencies(staff));
        model.addAttribute("crumbs", List.of(Crumb.here("申请查询")));
        try {
            List<ClaimSearch.Row> rows = search.find(staff, asked.checked(schemes), asked.pageNumber() * ClaimList.PAGE_SIZE,
                    ClaimList.PAGE_SIZE + 1);
            model.addAttribute("rows", rows.stream().limit(ClaimList.PAGE_SIZE).toList());
            model.addAttribute("more", rows.size() > ClaimList.PAGE_SIZE);
            model.addAttribute("errors", FieldErrors.none());
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rows", List.of());
            model.addAttribute("more", false);
            model.addAttribute("errors", FieldErrors.of(invalid.problems()));
        }
        return "claim/claims";
    }

    /** The whole list of the filter as a file, ID numbers masked; every download recorded. */
    @GetMapping("/claims/export/{format:xlsx|csv}")
    ResponseEntity<?> file(@PathVariable String format, @ModelAttribute ClaimList asked,
                           @AuthenticationPrincipal Staff staff) {
        Map<String, String> schemes = ruleSets.schemeNames();
        List<ClaimSearch.Row> rows = search.find(staff, asked.checked(schemes), 0, Spreadsheet.ROW_LIMIT + 1);
        Spreadsheet.requireWithinLimit(rows.size(), "申请");
        audit.listExported(staff.userId(), "claims", format, rows.size(), asked.described());
        return Spreadsheet.download(format, "申请查询", new Spreadsheet.Sheet("申请",
                List.of("申请编号", "受理时间", "参保人", "身份证号（脱敏）", "保障项目", "代办点", "状态",
                        "合规自付（元）", "补助金额（元）"),
                rows.stream().map(row -> Arrays.<Object>asList(String.valueOf(row.claimId()), row.submittedAt(),
                        row.memberName(), row.memberIdNumberMasked(), schemes.getOrDefault(row.scheme(), row.scheme()),
                        row.agencyCode(), row.status().label(), row.eligibleAmount(), row.subsidy())).toList()));
    }
}
