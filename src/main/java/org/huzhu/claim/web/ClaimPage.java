package org.huzhu.claim.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimEvent;
import org.huzhu.claim.ClaimPageSection;
import org.huzhu.claim.ClaimPayments;
import org.huzhu.claim.ClaimPersonalData;
import org.huzhu.claim.Claims;
import org.huzhu.claim.Invoice;
import org.huzhu.membership.Agency;
import org.huzhu.membership.Organisations;
import org.huzhu.papers.InvoiceQr;
import org.huzhu.papers.Papers;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.Money;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Staff;
import org.huzhu.security.StaffDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The claim page (申请详情): everything the API's view of a claim holds, in Chinese, for every
 * role that may read the claim, with the parts the modules above add ({@link ClaimPageSection}:
 * the auditors' tasks, the audit trail). Full ID and account numbers only behind 查看完整信息,
 * the API's recorded read.
 */
@WorkbenchController
class ClaimPage {

    /** One step of the approval path: decided (outcome, by whom, when) or still open. */
    record Approval(String step, String outcome, String decidedBy, OffsetDateTime at, String reason) {

        public boolean open() {
            return at == null;
        }
    }

    /** A kind of paper and whether it was handed in. */
    record Paper(String label, boolean handedIn) {
    }

    /** A stored file of the claim's papers, as its thumbnail and caption show it. */
    record PaperFile(long id, String kind, String name, String type, Integer pages, int pageCount, String size,
                     String content, String thumbnail, String qr, String qrWarning) {

        /**
         * @param typed          the claim's invoices as typed
         * @param heldElsewhere  the live claim, other than this one, that holds an invoice
         */
        static PaperFile of(org.huzhu.papers.Paper paper, List<Invoice> typed, Function<Invoice, Optional<Long>> heldElsewhere) {
            String base = "/api/claims/" + paper.claimId() + "/papers/" + paper.id();
            String warning = paper.invoiceQr().map(invoice -> {
                Optional<Invoice> named = typed.stream().filter(t -> t.namedBy(invoice)).findFirst();
                Optional<Long> holder = heldElsewhere.apply(named.orElse(new Invoice(invoice.code(), invoice.number())));
                if (holder.isPresent()) {
                    return "二维码所示发票已用于申请 " + holder.get() + "，请核对是否重复申领";
                }
                return named.isEmpty() ? "二维码中的发票代码、号码与录入的发票不一致，请核对" : null;
            }).orElse(null);
            return new PaperFile(paper.id(), paper.kind().label(), paper.originalName(),
                    paper.type().isImage() ? "图片" : "PDF", paper.pages(), paper.pageCount(),
                    PaperCaptions.size(paper.size()), base + "/content", base + "/thumbnail", PaperCaptions.qr(paper), warning);
        }
    }

    private final Claims claims;
    private final ClaimAccess access;
    private final ClaimViews views;
    private final ClaimPersonalData personalData;
    private final ClaimPayments payments;
    private final RuleSets ruleSets;
    private final Organisations organisations;
    private final StaffDirectory directory;
    private final List<ClaimPageSection> sections;
    private final Papers files;

    ClaimPage(Claims claims, ClaimAccess access, ClaimViews views, ClaimPersonalData personalData,
              ClaimPayments payments, RuleSets ruleSets, Organisations organisations, StaffDirectory directory,
              List<ClaimPageSection> sections, Papers files) {
        this.files = files;
        this.claims = claims;
        this.access = access;
        this.views = views;
        this.personalData = personalData;
        this.payments = payments;
        this.ruleSets = ruleSets;
        this.organisations = organisations;
        this.directory = directory;
        this.sections = sections;
    }

    /** What the viewer is asked to show, as its links carry it: no {@code paper}, no file. */
    record Viewing(Long paper, int page, int zoom, int rotate) {

        static final Viewing NOTHING = new Viewing(null, 1, PaperViewer.FIT_WIDTH, 0);
    }

    /** The page, its viewer showing what {@code paper}, {@code page}, {@code zoom} and {@code rotate} ask. */
    @GetMapping("/claims/{id}")
    String claim(@PathVariable long id, @RequestParam(required = false) Long paper,
                 @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int zoom,
                 @RequestParam(defaultValue = "0") int rotate, @AuthenticationPrincipal Staff staff,
                 HttpServletRequest request, Model model) {
        Claim claim = claims.get(id);
        access.requireRead(staff, claim);
        Map<String, ?> carried = RequestContextUtils.getInputFlashMap(request);
        return page(claim, staff, carried == null ? Map.of() : carried, new Viewing(paper, page, zoom, rotate), model);
    }

    /** The viewer alone, in the state asked for: what its controls swap in (htmx) without reloading the page. */
    @GetMapping("/claims/{id}/viewer")
    String viewer(@PathVariable long id, @RequestParam(required = false) Long paper,
                  @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int zoom,
                  @RequestParam(defaultValue = "0") int rotate, @AuthenticationPrincipal Staff staff, Model model) {
        Claim claim = claims.get(id);
        access.requireRead(staff, claim);
        model.addAttribute("viewer", viewer(claim, paperFiles(claim), new Viewing(paper, page, zoom, rotate)));
        return "claim/viewer :: viewer";
    }

    /** The viewer of the claim's files; none for a claim without files. */
    private static PaperViewer viewer(Claim claim, List<PaperFile> shown, Viewing asked) {
        return shown.isEmpty() ? null : PaperViewer.of(claim.id(), shown, asked);
    }

    private List<PaperFile> paperFiles(Claim claim) {
        return files.ofClaim(claim.id()).stream().map(p -> PaperFile.of(p, claim.invoices(),
                invoice -> claims.holderOtherThan(claim.id(), invoice))).toList();
    }

    /** 查看完整信息: the full numbers in place of the masked ones, recorded as the API records them. */
    @PostMapping("/claims/{id}/personal-data")
    String personalData(@PathVariable long id, @AuthenticationPrincipal Staff staff, Model model) {
        model.addAttribute("personal", personalData.read(id, staff));
        model.addAttribute("notice", "已显示完整的身份证号和银行账号；本次查看已记入操作记录。");
        return page(claims.get(id), staff, Map.of(), Viewing.NOTHING, model);
    }

    private String page(Claim claim, Staff staff, Map<String, ?> carried, Viewing asked, Model model) {
        ClaimView view = views.of(claim);
        model.addAttribute("claim", view);
        model.addAttribute("schemeName", ruleSets.scheme(claim.scheme()).map(Scheme::name).orElse(claim.scheme()));
        model.addAttribute("agencyName", organisations.agency(claim.agencyId()).map(Agency::name).orElse(view.agencyCode()));
        model.addAttribute("approvals", approvals(view));
        model.addAttribute("papers", papers(view));
        List<PaperFile> shown = paperFiles(claim);
        model.addAttribute("files", shown);
        model.addAttribute("filesDeleted", view.history().stream()
                .filter(event -> event.step().equals(ClaimEvent.PAPERS_DELETED)).reduce((first, last) -> last).orElse(null));
        model.addAttribute("viewer", viewer(claim, shown, asked));
        model.addAttribute("paymentStatus", view.payments().stream().map(ClaimPayments.Line::status).distinct()
                .collect(Collectors.toMap(status -> status, payments::statusLabel)));
        model.addAttribute("mayReadPersonalData", access.mayReadPersonalData(staff, claim));
        Map<ClaimPageSection.Place, List<ClaimPageSection.Section>> parts = new EnumMap<>(ClaimPageSection.Place.class);
        for (ClaimPageSection section : sections) {
            section.sectionFor(claim, staff, carried)
                    .ifPresent(part -> parts.computeIfAbsent(section.place(), place -> new ArrayList<>()).add(part));
        }
        model.addAttribute("work", parts.getOrDefault(ClaimPageSection.Place.WORK, List.of()));
        model.addAttribute("trail", parts.getOrDefault(ClaimPageSection.Place.TRAIL, List.of()));
        model.addAttribute("crumbs", List.of(Crumb.here("申请 " + claim.id())));
        return "claim/claim";
    }

    /** The pre-check and every decision, by name, then the steps open now. */
    private List<Approval> approvals(ClaimView view) {
        List<ClaimView.HistoryView> decided = view.history().stream().filter(event -> ClaimEvent.decides(event.step())).toList();
        Map<String, String> names = directory.names(decided.stream().map(ClaimView.HistoryView::actor).toList());
        List<Approval> path = new ArrayList<>();
        for (ClaimView.HistoryView event : decided) {
            path.add(new Approval(ClaimEvent.stepLabel(event.step()),
                    event.decision() == null ? null : ClaimEvent.outcomeLabel(event.decision()),
                    names.get(event.actor()), event.time(), event.reason()));
        }
        view.openSteps().forEach(step -> path.add(new Approval(step, null, null, null, null)));
        return path;
    }

    /** Every kind of paper the claim has or lacks, in the rules' order. */
    private static List<Paper> papers(ClaimView view) {
        return Stream.of(DocumentKind.values())
                .filter(kind -> view.documents().contains(kind.name()) || view.missingDocuments().contains(kind.name()))
                .map(kind -> new Paper(kind.label(), view.documents().contains(kind.name())))
                .toList();
    }
}
