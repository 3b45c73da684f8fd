package org.huzhu.member.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimPapers;
import org.huzhu.claim.ClaimPayments;
import org.huzhu.claim.ClaimReview;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.claim.ClaimStatus;
import org.huzhu.claim.Claims;
import org.huzhu.claim.SlaStatus;
import org.huzhu.claim.SlaStatuses;
import org.huzhu.member.SignedInMember;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.scheme.RuleSets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's claims: each with its status, the papers still missing, the payment deadline and
 * its payments; a claim sent online with photos of its papers, the same claim as at the counter;
 * papers sent later for a claim waiting for them (补件). Another member's claim is not found.
 */
@MemberController
class MemberClaimPages {

    /** A claim in the member's list. */
    record ClaimRow(long id, String schemeName, String occasion, String status, String tone, LocalDate submittedOn) {
    }

    /** A payment as the member reads it: the account masked. */
    record PaymentRow(String amount, String account, String status, String returnReason) {
    }

    private final Members members;
    private final Claims claims;
    private final ClaimPapers papers;
    private final ClaimPayments payments;
    private final SlaStatuses deadlines;
    private final RuleSets ruleSets;
    private final ClaimReviews reviews;
    private final Clock clock;

    MemberClaimPages(Members members, Claims claims, ClaimPapers papers, ClaimPayments payments,
                     SlaStatuses deadlines, RuleSets ruleSets, ClaimReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
        this.members = members;
        this.claims = claims;
        this.papers = papers;
        this.payments = payments;
        this.deadlines = deadlines;
        this.ruleSets = ruleSets;
    }

    @GetMapping("/m/claims/new")
    String claimForm(@AuthenticationPrincipal SignedInMember me, Model model) {
        Member member = members.byId(me.memberId());
        Map<String, String> form = new HashMap<>();
        form.put("bankAccount.accountName", member.name());
        form.put("intakeKey", UUID.randomUUID().toString());
        return form(member, form, FieldErrors.none(), model);
    }

    /** Stores nothing unless everything passes; a browser cannot keep chosen files, so a refused form asks for them again. */
    @PostMapping("/m/claims/new")
    String submit(@AuthenticationPrincipal SignedInMember me, @RequestParam Map<String, String> form,
                  MultipartHttpServletRequest request, Model model, HttpServletResponse response) {
        Member member = members.byId(me.memberId());
        FieldErrors errors = FieldErrors.none();
        var submission = OnlineClaimForm.submission(member, form, errors);
        Chosen chosen = chosen(request, Arrays.asList(DocumentKind.values()));
        Optional<UUID> key = intakeKey(form.get("intakeKey"));
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (key.isEmpty()) {
            form.put("intakeKey", UUID.randomUUID().toString());
            errors.add("intakeKey", "表单已失效，请核对后重新提交");
        } else if (errors.isEmpty()) {
            try {
                Claim claim = papers.submitOnline(member.id(), submission, key.get(), chosen.kinds(), chosen.files());
                return "redirect:/m/claims/" + claim.id() + "/receipt";
            } catch (InvalidInputException invalid) {
                addProblems(errors, invalid.problems(), chosen);
            } catch (DomainException refused) {
                if (refused.status().value() != HttpServletResponse.SC_CONFLICT) {
                    throw refused;
                }
                form.put("intakeKey", UUID.randomUUID().toString());
                errors.add("intakeKey", refused.getMessage());
                status = HttpServletResponse.SC_CONFLICT;
            }
        }
        response.setStatus(status);
        return form(member, form, errors, model);
    }

    /** The key the form was opened with; a form without one (or a forged one) is refused. */
    private static Optional<UUID> intakeKey(String sent) {
        try {
            return Optional.of(UUID.fromString(sent == null ? "" : sent.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/m/claims/{id}/receipt")
    String receipt(@AuthenticationPrincipal SignedInMember me, @PathVariable long id, Model model) {
        Claim claim = own(me, id);
        model.addAttribute("member", members.byId(me.memberId()));
        describe(claim, model);
        model.addAttribute("submittedAt", LocalDateTime.ofInstant(claim.submittedAt(), Beijing.ZONE)
                .withSecond(0).withNano(0).toString().replace('T', ' '));
        return "member/receipt";
    }

    @GetMapping("/m/claims/{id}")
    String claim(@AuthenticationPrincipal SignedInMember me, @PathVariable long id, Model model) {
        Claim claim = own(me, id);
        return claimPage(me, claim, FieldErrors.none(), model);
    }

    /** Photos or scans of missing papers (补件): the last missing kind sends the claim on to the agency check. */
    @PostMapping("/m/claims/{id}/papers")
    String supplement(@AuthenticationPrincipal SignedInMember me, @PathVariable long id,
                      MultipartHttpServletRequest request, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        Claim claim = own(me, id);
        Chosen chosen = chosen(request, missing(claim));
        FieldErrors errors = FieldErrors.none();
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (chosen.files().isEmpty()) {
            errors.add("papers", "请选择要补交的材料照片或文件");
        } else {
            try {
                Claim now = papers.addOnline(me.memberId(), id, chosen.kinds(), chosen.files()).claim();
                redirect.addFlashAttribute("notice", "已收到" + chosen.files().size() + "个文件。"
                        + (now.status() == ClaimStatus.AWAITING_SUPPLEMENTS
                        ? "仍缺：" + String.join("、", missing(now).stream().map(DocumentKind::label).toList())
                        : "材料已齐全，申请已转代办点审核。"));
                return "redirect:/m/claims/" + id;
            } catch (InvalidInputException invalid) {
                addProblems(errors, invalid.problems(), chosen);
            } catch (DomainException refused) {
                if (refused.status().value() != HttpServletResponse.SC_CONFLICT) {
                    throw refused;
                }
                errors.add("papers", refused.getMessage() + "，文件未保存。");
                status = HttpServletResponse.SC_CONFLICT;
            }
        }
        response.setStatus(status);
        return claimPage(me, claims.get(id), errors, model);
    }

    /** 申请复核 of the claim's rejection, with the member's reason; the outcome comes as a message. */
    @PostMapping("/m/claims/{id}/review")
    String review(@AuthenticationPrincipal SignedInMember me, @PathVariable long id,
                  @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String kind,
                  MultipartHttpServletRequest request, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        own(me, id);
        FieldErrors errors = FieldErrors.none();
        List<ClaimPapers.SentFile> files = new ArrayList<>();
        for (MultipartFile file : request.getFiles("file")) {
            if (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
                try {
                    files.add(new ClaimPapers.SentFile(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        try {
            ClaimReview review = reviews.requestOnline(id, me.memberId(), reason, kind, files);
            redirect.addFlashAttribute("notice", "复核申请已提交，将在" + review.deadlineWorkingDays()
                    + "个工作日内作出复核结论，结论将以短信告知。");
            return "redirect:/m/claims/" + id;
        } catch (InvalidInputException invalid) {
            // the reason at its field; the kind and the files' problems at the files
            invalid.problems().forEach(problem -> errors.add(problem.field().equals("reason") ? "reason" : "reviewFiles",
                    problem.message()));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (DomainException refused) {
            if (refused.status().value() != HttpServletResponse.SC_CONFLICT) {
                throw refused;
            }
            errors.add("reason", refused.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("reason", reason);
        model.addAttribute("reviewKind", kind);
        return claimPage(me, claims.get(id), errors, model);
    }

    private String claimPage(SignedInMember me, Claim claim, FieldErrors errors, Model model) {
        model.addAttribute("member", members.byId(me.memberId()));
        model.addAttribute("errors", errors);
        describe(claim, model);
        model.addAttribute("payments", payments.of(claim.id()).stream().map(line -> new PaymentRow(
                line.amount().toPlainString(), line.accountMasked(), payments.statusLabel(line.status()),
                line.returnReason())).toList());
        return "member/claim";
    }

    private void describe(Claim claim, Model model) {
        model.addAttribute("claim", claim);
        model.addAttribute("row", row(claim, ruleSets.schemeNames()));
        model.addAttribute("missing", missing(claim));
        model.addAttribute("received", claim.documents().stream().map(DocumentKind::label).toList());
        model.addAttribute("account", claim.bankAccount().bankName() + " " + claim.bankAccount().maskedNumber());
        model.addAttribute("deadline", deadline(claim, deadlines.of(claim.id())));
        Optional<ClaimReviews.Window> review = reviews.window(claim.id());
        model.addAttribute("reviewWindow", review.orElse(null));
        model.addAttribute("documentKinds", DocumentKind.values());
        model.addAttribute("reviewOpen", review.filter(window -> window.mayRequest(LocalDate.now(clock.withZone(Beijing.ZONE))))
                .isPresent());
    }

    private String form(Member member, Map<String, String> form, FieldErrors errors, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("schemes", OnlineClaimForm.schemesOf(members, ruleSets, member));
        model.addAttribute("kinds", DocumentKind.values());
        return "member/claim-new";
    }

    /** The member's own claim; another's is not found, exactly as one that does not exist. */
    private Claim own(SignedInMember me, long id) {
        return claims.ofMember(me.memberId(), id)
                .orElseThrow(() -> DomainException.notFound("CLAIM_NOT_FOUND", "没有这件申请"));
    }

    static ClaimRow row(Claim claim, Map<String, String> schemeNames) {
        String tone = switch (claim.status()) {
            case AWAITING_SUPPLEMENTS -> "warning";
            case REJECTED -> "alarm";
            case PAID -> "ok";
            default -> "";
        };
        return new ClaimRow(claim.id(), schemeNames.getOrDefault(claim.scheme(), claim.scheme()), claim.occasion(),
                claim.status().label(), tone, LocalDate.ofInstant(claim.submittedAt(), Beijing.ZONE));
    }

    static List<DocumentKind> missing(Claim claim) {
        return claim.missingDocuments() == null ? List.of()
                : Arrays.stream(claim.missingDocuments().split(",")).map(DocumentKind::valueOf).toList();
    }

    private static String deadline(Claim claim, SlaStatus sla) {
        return switch (claim.status()) {
            case REJECTED -> "不予补助，无支付期限。";
            case REVIEW -> "复核中；复核撤销驳回后重新计算支付期限。";
            case PAID -> "已支付。";
            default -> switch (sla.state()) {
                case NOT_STARTED -> "材料齐全之日起开始计算支付期限；请尽快补齐材料。";
                case MET -> "已按期支付。";
                default -> "应于 " + sla.dueDate() + " 前支付到账。";
            };
        };
    }

    /** The files chosen, each under its paper's kind (inputs named {@code paper.<KIND>}). */
    private record Chosen(List<String> kinds, List<ClaimPapers.SentFile> files, List<String> inputs) {
    }

    private static Chosen chosen(MultipartHttpServletRequest request, List<DocumentKind> offered) {
        List<String> kinds = new ArrayList<>();
        List<ClaimPapers.SentFile> files = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (DocumentKind kind : offered) {
            for (MultipartFile file : request.getFiles("paper." + kind.name())) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                    continue;
                }
                try {
                    files.add(new ClaimPapers.SentFile(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                kinds.add(kind.name());
                inputs.add("paper." + kind.name());
            }
        }
        return new Chosen(kinds, files, inputs);
    }

    /** Each problem at its input: a file's at the input it was chosen in, the claim's at their own. */
    private static void addProblems(FieldErrors errors, List<FieldProblem> problems, Chosen chosen) {
        for (FieldProblem problem : problems) {
            String field = problem.field();
            if (field.matches("file\\[\\d+]")) {
                int i = Integer.parseInt(field.substring(5, field.length() - 1));
                String name = chosen.files().get(i).name();
                errors.add(chosen.inputs().get(i), (name == null ? "" : name + "：") + problem.message() + "。请重新选择文件。");
            } else if (field.startsWith("invoices")) {
                errors.add(field.startsWith("invoices[0].") ? "invoice." + field.substring(12) : "invoice.number",
                        problem.message());
            } else if (field.equals("file") || field.startsWith("kind")) {
                errors.add("papers", problem.message());
            } else {
                errors.add(field, problem.message());
            }
        }
    }
}
