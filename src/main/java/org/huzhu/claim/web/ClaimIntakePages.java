package org.huzhu.claim.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimIntake;
import org.huzhu.claim.ClaimPapers;
import org.huzhu.claim.ClaimPreCheck;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.claim.PreCheckVerdict;
import org.huzhu.claim.SubsidyQuote;
import org.huzhu.claim.SubsidyQuotes;
import org.huzhu.membership.BankAccountNumber;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.membership.ResidentIdNumber;
import org.huzhu.papers.InvoiceQr;
import org.huzhu.papers.Paper;
import org.huzhu.platform.Crumb;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.WorkbenchController;
import org.huzhu.scheme.BenefitKind;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSets;
import org.huzhu.scheme.Scheme;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Taking a claim in at the counter (受理申请). The form checks what the clerk types as they type
 * (the ID's check character, dates, amounts, invoices twice) and shows the live quote and what
 * the pre-check would say, so that a typo is caught before it becomes a rejection; the clerk
 * then reviews the claim and confirms it. The form's key makes a double click one claim.
 */
@WorkbenchController
@RequestMapping("/intake/claims")
class ClaimIntakePages {

    private static final Crumb INTAKE = new Crumb("受理申请", "/intake/claims/new");

    /** What the pre-check and the quote would say of the form as it stands; the waiting texts say what they still need. */
    record Preview(PreCheckVerdict verdict, String verdictWaitsFor, SubsidyQuote quote, String quoteWaitsFor) {
    }

    /** A file the form holds (uploaded, not yet the claim's), as the form lists it. */
    record StagedFile(long id, String kind, String name, String type, String size, String qr) {

        static StagedFile of(Paper paper) {
            return new StagedFile(paper.id(), paper.kind().label(), paper.originalName(), PaperCaptions.type(paper),
                    PaperCaptions.size(paper.size()), PaperCaptions.qr(paper));
        }
    }

    /** Who the typed ID number is, as the form shows them while the clerk types. */
    record MemberCheck(String problem, String hint, Member member, List<String> enrolments) {
    }

    private final ClaimIntake intake;
    private final ClaimPreCheck preCheck;
    private final SubsidyQuotes quotes;
    private final ClaimAccess access;
    private final Members members;
    private final RuleSets ruleSets;
    private final AuditTrail audit;
    private final ClaimPapers papers;

    ClaimIntakePages(ClaimIntake intake, ClaimPreCheck preCheck, SubsidyQuotes quotes, ClaimAccess access,
                     Members members, RuleSets ruleSets, AuditTrail audit, ClaimPapers papers) {
        this.papers = papers;
        this.audit = audit;
        this.intake = intake;
        this.preCheck = preCheck;
        this.quotes = quotes;
        this.access = access;
        this.members = members;
        this.ruleSets = ruleSets;
    }

    /**
     * A new form with a new key; from a member's page, with their full ID number filled in, which
     * the audit trail records as a read of personal data.
     */
    @GetMapping("/new")
    String newClaim(@RequestParam(required = false) Long member, @AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        String idNumber = null;
        if (member != null) {
            Member known = members.find(member).orElseThrow(() -> DomainException.notFound("MEMBER_NOT_FOUND", "没有这个参保人"));
            access.requireIntake(staff, known.agencyCode());
            audit.record(staff.userId(), "PERSONAL_DATA_VIEWED", "MEMBER", Long.toString(known.id()), null,
                    "受理申请时带出身份证号");
            idNumber = known.idNumber();
        }
        ClaimForm form = ClaimForm.empty(idNumber);
        model.addAttribute("memberCheck", memberCheck(idNumber, staff));
        return form(form, FieldErrors.none(), model, staff);
    }

    /** The ID number as typed: how many digits are still missing, a wrong check character, or who it is. */
    @PostMapping("/new/member")
    String checkMember(@RequestParam(required = false) String memberIdNumber, @AuthenticationPrincipal Staff staff,
                       Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        model.addAttribute("memberCheck", memberCheck(memberIdNumber, staff));
        return "claim/intake-fragments :: member";
    }

    /** The problems with what was typed so far (not what is still blank), the pre-check's verdict and the quote. */
    @PostMapping("/new/preview")
    String preview(@RequestParam MultiValueMap<String, String> fields, @AuthenticationPrincipal Staff staff,
                   Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        ClaimForm form = ClaimForm.of(fields);
        FieldErrors errors = FieldErrors.none();
        ClaimSubmission submission = form.submission(errors);
        try {
            intake.check(submission, staff);
        } catch (InvalidInputException invalid) {
            form.addProblems(invalid.problems().stream().filter(problem -> !problem.code().equals("REQUIRED")).toList(),
                    errors);
        } catch (DomainException refused) {
            // the member's box says why this member cannot be served here
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("liveFields", liveFields(form));
        model.addAttribute("preview", preview(form, submission, staff));
        return "claim/intake-fragments :: preview";
    }

    /** One more row for an invoice, after the rows the form has ({@code invoiceCode} once per row). */
    @GetMapping("/new/invoice-row")
    String invoiceRow(@RequestParam(required = false) List<String> invoiceCode, @AuthenticationPrincipal Staff staff,
                      Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        int row = invoiceCode == null ? 0 : invoiceCode.size();
        if (row >= 200) {
            throw new InvalidInputException("row", "OUT_OF_RANGE", "一件申请最多200张发票；更多的请分开申请");
        }
        model.addAttribute("row", row);
        model.addAttribute("errors", FieldErrors.none());
        return "claim/intake-fragments :: invoice-row";
    }

    /**
     * 上传文件 in the form (sent as multipart, with everything typed so far): the files are kept
     * for the claim the form will become, and the form comes back as typed. An invoice whose QR
     * code we can read fills its code and number into the invoice rows, unless a row has them.
     */
    @PostMapping("/new/papers")
    String upload(@RequestParam MultiValueMap<String, String> fields, @RequestParam(required = false) String paperKind,
                  @RequestParam(name = "paperFile", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal Staff staff, Model model, HttpServletResponse response) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        ClaimForm form = ClaimForm.of(fields).again();
        model.addAttribute("memberCheck", memberCheck(form.memberIdNumber(), staff));
        model.addAttribute("chosenKind", paperKind);
        List<ClaimPapers.SentFile> sent = FormUploads.chosen(files);
        if (paperKind == null || paperKind.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, FieldErrors.none().add("paperKind", "请选择材料类型"), model, staff);
        }
        UUID key = form.key().orElseThrow();
        try {
            List<String> filled = new ArrayList<>();
            for (Paper paper : papers.stage(key, List.of(paperKind), sent, staff)) {
                if (paper.invoiceQr().isPresent()) {
                    InvoiceQr qr = paper.invoiceQr().get();
                    ClaimForm with = form.withInvoice(qr.code(), qr.number());
                    if (with != form) {
                        filled.add(qr.code().isEmpty() ? qr.number() : qr.code() + "-" + qr.number());
                        form = with;
                    }
                }
            }
            model.addAttribute("notice", "已上传" + sent.size() + "个文件。" + (filled.isEmpty() ? ""
                    : "已按发票二维码填入发票 " + String.join("、", filled) + "，请与原件核对。"));
            model.addAttribute("chosenKind", null);
            return form(form.again(), FieldErrors.none(), model, staff);
        } catch (InvalidInputException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(form, FormUploads.errors(invalid.problems(), sent, "paperKind", "paperFile"), model, staff);
        }
    }

    /** 移除 beside a file the form holds: the wrong photo goes before the claim is taken in. */
    @PostMapping("/new/papers/{paperId}/remove")
    String removeFile(@PathVariable long paperId, @RequestParam MultiValueMap<String, String> fields,
                      @AuthenticationPrincipal Staff staff, Model model) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        ClaimForm form = ClaimForm.of(fields).again();
        papers.unstage(form.key().orElseThrow(), paperId, staff);
        model.addAttribute("memberCheck", memberCheck(form.memberIdNumber(), staff));
        model.addAttribute("notice", "已移除该文件。");
        return form(form, FieldErrors.none(), model, staff);
    }

    /**
     * The form sent: {@code review} (the button under the form) checks everything and shows the
     * claim to confirm; {@code edit} goes back to the form; {@code submit} takes the claim in and
     * shows its receipt. Whatever is wrong comes back at its field, and nothing is stored.
     */
    @PostMapping("/new")
    String send(@RequestParam MultiValueMap<String, String> fields,
                @RequestParam(defaultValue = "review") String action, @AuthenticationPrincipal Staff staff, Model model,
                HttpServletResponse response) {
        staff.requireAny(Role.CLERK, Role.ADMIN);
        ClaimForm form = ClaimForm.of(fields);
        FieldErrors errors = FieldErrors.none();
        ClaimSubmission submission = form.submission(errors);
        if (form.key().isEmpty()) {
            errors.add("intakeKey", "表单已失效，请核对后重新提交");
        }
        if (action.equals("edit")) {
            model.addAttribute("memberCheck", memberCheck(form.memberIdNumber(), staff));
            return form(form.again(), FieldErrors.none(), model, staff);
        }
        // a form sent without its file parts names the chosen file: it would be lost unseen
        String chosen = fields.getFirst("paperFile");
        if (chosen != null && !chosen.isBlank()) {
            errors.add("paperFile", "已选择的文件“" + chosen + "”尚未上传：请点“上传文件”，或清除所选文件");
        }
        try {
            Member member = intake.check(submission, staff);
            if (errors.isEmpty() && action.equals("submit")) {
                Claim claim = papers.submit(submission, form.key().orElseThrow(), staff);
                return "redirect:/intake/claims/" + claim.id() + "/receipt";
            }
            if (errors.isEmpty()) {
                return confirmation(form, submission, member, staff, model);
            }
        } catch (InvalidInputException invalid) {
            form.addProblems(invalid.problems(), errors);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("memberCheck", memberCheck(form.memberIdNumber(), staff));
        return form(form.again(), errors, model, staff);
    }

    private String form(ClaimForm form, FieldErrors errors, Model model, Staff staff) {
        model.addAttribute("staged", staged(form, staff).stream().map(StagedFile::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("schemes", ruleSets.schemes());
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("expenseLabels", ClaimForm.EXPENSES);
        model.addAttribute("crumbs", List.of(Crumb.here("受理申请")));
        return "claim/intake";
    }

    private String confirmation(ClaimForm form, ClaimSubmission submission, Member member, Staff staff, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("submission", submission);
        model.addAttribute("member", member);
        model.addAttribute("scheme", ruleSets.scheme(submission.scheme()).orElseThrow());
        model.addAttribute("documents", submission.documents().stream().map(DocumentKind::valueOf)
                .map(DocumentKind::label).toList());
        model.addAttribute("accountMasked", BankAccountNumber.mask(submission.bankAccount().accountNumber()));
        model.addAttribute("staged", staged(form, staff).stream().map(StagedFile::of).toList());
        model.addAttribute("preview", preview(form, submission, staff));
        model.addAttribute("expenseLabels", ClaimForm.EXPENSES);
        model.addAttribute("crumbs", List.of(INTAKE, Crumb.here("核对并确认")));
        return "claim/intake-confirm";
    }

    private Preview preview(ClaimForm form, ClaimSubmission submission, Staff staff) {
        Optional<Scheme> scheme = submission.scheme() == null ? Optional.empty() : ruleSets.scheme(submission.scheme());
        boolean lumpSum = scheme.map(Scheme::benefitKind).orElse(null) == BenefitKind.LUMP_SUM;
        PreCheckVerdict verdict = null;
        String verdictWaitsFor = null;
        try {
            verdict = preCheck.preview(submission, staged(form, staff), staff);
        } catch (InvalidInputException | DomainException incomplete) {
            verdictWaitsFor = lumpSum ? "填写身份证号、保障项目、诊断编码和确诊日期后，这里显示预审结果。"
                    : "填写身份证号、保障项目、入院和出院日期后，这里显示预审结果。";
        }
        SubsidyQuote quote = null;
        String quoteWaitsFor = null;
        try {
            quote = quotes.quote(form.quoteRequest(submission), staff);
        } catch (InvalidInputException | DomainException incomplete) {
            quoteWaitsFor = lumpSum ? "填写诊断编码和确诊日期后，这里显示试算补助。" : "填写入院日期和全部费用后，这里显示试算补助。";
        }
        return new Preview(verdict, verdictWaitsFor, quote, quoteWaitsFor);
    }

    /** The files the form holds so far; none for a form without a well-formed key. */
    private List<Paper> staged(ClaimForm form, Staff staff) {
        return form.key().map(key -> papers.staged(key, staff)).orElse(List.of());
    }

    private MemberCheck memberCheck(String typed, Staff staff) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return new MemberCheck(null, "请输入18位身份证号", null, List.of());
        }
        if (!text.matches("[0-9]{0,17}[0-9Xx]?")) {
            return new MemberCheck("身份证号只能是数字，最后一位可以是X", null, null, List.of());
        }
        if (text.length() < 18) {
            return new MemberCheck(null, "已输入" + text.length() + "位，还差" + (18 - text.length()) + "位", null, List.of());
        }
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(text);
        if (id.isEmpty()) {
            return new MemberCheck("身份证号不正确：校验位不符或出生日期有误，请逐位核对", null, null, List.of());
        }
        Optional<Member> member = members.byIdNumber(id.get().value());
        if (member.isEmpty()) {
            return new MemberCheck("未找到该身份证号的参保人，请先登记参保人", null, null, List.of());
        }
        try {
            access.requireIntake(staff, member.get().agencyCode());
        } catch (DomainException refused) {
            return new MemberCheck("该参保人属于其他代办点（" + member.get().agencyCode() + "），请到所属代办点受理", null, null,
                    List.of());
        }
        Map<String, String> names = ruleSets.schemeNames();
        List<String> enrolments = members.enrolments(member.get().id()).stream()
                .map(e -> names.getOrDefault(e.scheme(), e.scheme()) + " " + e.validFrom() + " 至 " + e.validTo()).toList();
        return new MemberCheck(null, null, member.get(), enrolments);
    }

    /** The fields whose messages the live check replaces: all but the ID number, which has its own check. */
    private static List<String> liveFields(ClaimForm form) {
        List<String> fields = new ArrayList<>(List.of("scheme", "admissionDate", "dischargeDate", "hospital", "diagnosis",
                "diagnosisCode", "diagnosisDate", "expenses", "invoices", "documents", "bankAccount.bankName",
                "bankAccount.accountNumber", "bankAccount.accountName"));
        ClaimForm.EXPENSES.keySet().forEach(name -> fields.add("expenses." + name));
        for (int row = 0; row < form.invoiceRows(); row++) {
            fields.addAll(List.of("invoices[" + row + "]", "invoices[" + row + "].code", "invoices[" + row + "].number"));
        }
        return fields;
    }
}
