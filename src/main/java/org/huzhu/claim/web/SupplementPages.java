package org.huzhu.claim.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimIntake;
import org.huzhu.claim.ClaimPapers;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.ClaimSummaries;
import org.huzhu.claim.ClaimSummary;
import org.huzhu.claim.Claims;
import org.huzhu.membership.Agency;
import org.huzhu.membership.MembershipRegistry;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Spreadsheet;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSets;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claims waiting for papers at the clerk's agencies, and recording the papers a member brings
 * later (补件); complete papers send the claim on to the agency check and start its clock.
 */
@WorkbenchController
class SupplementPages {

    static final int SHOWN = 200;
    private static final Crumb LIST = new Crumb("待补件申请", "/intake/supplements");

    /** A claim waiting for papers, as the list shows it. */
    record Waiting(long claimId, String memberName, String memberIdNumberMasked, String scheme, LocalDate submittedOn,
                   List<String> missing) {
    }

    private final Claims claims;
    private final ClaimSummaries summaries;
    private final ClaimIntake intake;
    private final MembershipRegistry registry;
    private final RuleSets ruleSets;
    private final ClaimPapers papers;
    private final AuditTrail audit;

    SupplementPages(Claims claims, ClaimSummaries summaries, ClaimIntake intake,
                    MembershipRegistry registry, RuleSets ruleSets, ClaimPapers papers, AuditTrail audit) {
        this.papers = papers;
        this.audit = audit;
        this.claims = claims;
        this.summaries = summaries;
        this.intake = intake;
        this.registry = registry;
        this.ruleSets = ruleSets;
    }

    @GetMapping("/intake/supplements")
    String waiting(@AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        List<Waiting> waiting = waiting(staff, SHOWN + 1);
        model.addAttribute("claims", waiting.stream().limit(SHOWN).toList());
        model.addAttribute("more", waiting.size() > SHOWN);
        model.addAttribute("crumbs", List.of(Crumb.here("待补件申请")));
        return "claim/supplements";
    }

    /** The whole list as a file (ID numbers masked), to phone the members down; each download recorded. */
    @GetMapping("/intake/supplements/{format:xlsx|csv}")
    ResponseEntity<?> waitingFile(@PathVariable String format, @AuthenticationPrincipal Staff staff) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        List<Waiting> waiting = waiting(staff, Spreadsheet.ROW_LIMIT + 1);
        Spreadsheet.requireWithinLimit(waiting.size(), "待补件申请");
        audit.listExported(staff.userId(), "awaiting-supplements", format, waiting.size(), "");
        return Spreadsheet.download(format, "待补件申请", new Spreadsheet.Sheet("待补件申请",
                List.of("申请编号", "参保人", "身份证号（脱敏）", "保障项目", "受理日期", "尚缺材料"), waiting.stream()
                .map(c -> Arrays.<Object>asList(String.valueOf(c.claimId()), c.memberName(), c.memberIdNumberMasked(),
                        c.scheme(), c.submittedOn(), String.join("、", c.missing())))
                .toList()));
    }

    /** The claims waiting for papers at the caller's agencies, the longest waiting first, at most {@code limit}. */
    private List<Waiting> waiting(Staff staff, int limit) {
        List<Claim> waiting = claims.awaitingSupplements(agencyIds(registry, staff), limit);
        Map<Long, ClaimSummary> shown = summaries.byClaims(waiting.stream().map(Claim::id).toList()).stream()
                .collect(Collectors.toMap(ClaimSummary::claimId, Function.identity()));
        Map<String, String> schemes = ruleSets.schemeNames();
        return waiting.stream().map(claim -> {
            ClaimSummary summary = shown.get(claim.id());
            return new Waiting(claim.id(), summary.memberName(), summary.memberIdNumberMasked(),
                    schemes.getOrDefault(claim.scheme(), claim.scheme()),
                    LocalDate.ofInstant(claim.submittedAt(), Beijing.ZONE), labels(claim.missingDocuments()));
        }).toList();
    }

    @GetMapping("/intake/claims/{id}/supplements")
    String supplementForm(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model,
                          HttpServletResponse response) {
        Claim claim = intake.atCounter(id, staff);
        if (claim.status() != ClaimStatus.AWAITING_SUPPLEMENTS) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", "该申请当前状态为“" + claim.status().label() + "”，不需要补件。");
        }
        return form(claim, List.of(), FieldErrors.none(), model);
    }

    /** Records the papers; the same papers sent twice (a double click) record them once. */
    @PostMapping("/intake/claims/{id}/supplements")
    String supplement(@PathVariable long id, @RequestParam(required = false) List<String> documents,
                      @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        Claim claim = intake.atCounter(id, staff);
        List<String> brought = documents == null ? List.of() : documents;
        try {
            Claim supplemented = intake.addSupplements(id, brought, null, staff);
            redirect.addFlashAttribute("notice", supplemented.status() == ClaimStatus.AWAITING_SUPPLEMENTS
                    ? "补件已登记，仍缺：" + String.join("、", labels(supplemented.missingDocuments()))
                    : "补件已登记，材料齐全，申请已转代办点审核。");
            return "redirect:/intake/claims/" + id + "/receipt";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(claim, brought, FieldErrors.none().addAll(invalid.problems(), field -> "documents"), model);
        } catch (DomainException stale) {
            if (stale.status().value() != HttpServletResponse.SC_CONFLICT) {
                throw stale;
            }
            Claim now = claims.get(id);
            if (!brought.isEmpty() && now.documents().stream().map(Enum::name).toList().containsAll(brought)) {
                return "redirect:/intake/claims/" + id + "/receipt";
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", "该申请已不在待补件状态（当前：" + now.status().label() + "），补件未登记。");
            return form(now, brought, FieldErrors.none(), model);
        }
    }

    /**
     * Files of papers the member brought (scans, phone photos): stored under the kind chosen;
     * the last missing kind sends the claim on as a supplement does. A browser cannot keep a
     * chosen file, so a refused upload asks for the file again.
     */
    @PostMapping("/intake/claims/{id}/papers")
    String upload(@PathVariable long id, @RequestParam(required = false) String kind,
                  @RequestParam(name = "file", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Claim claim = intake.atCounter(id, staff);
        List<ClaimPapers.SentFile> sent = FormUploads.chosen(files);
        model.addAttribute("chosenKind", kind);
        if (kind == null || kind.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(claim, List.of(), FieldErrors.none().add("kind", "请选择材料类型"), model);
        }
        try {
            Claim now = papers.add(id, kind == null || kind.isBlank() ? List.of() : List.of(kind), sent, staff).claim();
            redirect.addFlashAttribute("notice", "已上传" + sent.size() + "个文件。" + (now.status() == ClaimStatus.AWAITING_SUPPLEMENTS
                    ? "仍缺：" + String.join("、", labels(now.missingDocuments()))
                    : "材料齐全，申请已转代办点审核。"));
            return "redirect:/intake/claims/" + id + "/receipt";
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(claim, List.of(), FormUploads.errors(invalid.problems(), sent, "kind", "file"), model);
        } catch (DomainException stale) {
            if (stale.status().value() != HttpServletResponse.SC_CONFLICT) {
                throw stale;
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("stale", stale.getMessage() + "，文件未上传。");
            return form(claims.get(id), List.of(), FieldErrors.none(), model);
        }
    }

    private String form(Claim claim, List<String> checked, FieldErrors errors, Model model) {
        ClaimSummary summary = summaries.byClaim(claim.id());
        List<String> missing = claim.missingDocuments() == null ? List.of()
                : Arrays.asList(claim.missingDocuments().split(","));
        model.addAttribute("claim", claim);
        model.addAttribute("summary", summary);
        model.addAttribute("scheme", ruleSets.schemeNames().getOrDefault(claim.scheme(), claim.scheme()));
        model.addAttribute("received", claim.documents().stream().map(DocumentKind::label).toList());
        model.addAttribute("kinds", Arrays.stream(DocumentKind.values()).filter(kind -> missing.contains(kind.name()))
                .toList());
        model.addAttribute("checked", checked);
        model.addAttribute("allKinds", DocumentKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("crumbs", List.of(LIST, Crumb.here("登记补件 · 申请" + claim.id())));
        return "claim/supplement";
    }

    static List<Long> agencyIds(MembershipRegistry registry, Staff staff) {
        return registry.counterAgencies(staff).stream().map(Agency::id).toList();
    }

    static List<String> labels(String documentNames) {
        return documentNames == null ? List.of()
                : Arrays.stream(documentNames.split(",")).map(DocumentKind::valueOf).map(DocumentKind::label).toList();
    }
}
