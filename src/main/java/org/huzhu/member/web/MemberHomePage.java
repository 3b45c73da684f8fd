package org.huzhu.member.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.huzhu.claim.Claims;
import org.huzhu.claim.QuoteRequest;
import org.huzhu.claim.SubsidyQuote;
import org.huzhu.claim.SubsidyQuotes;
import org.huzhu.member.SignedInMember;
import org.huzhu.membership.Member;
import org.huzhu.membership.Members;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.Given;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.scheme.RuleSets;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The member's home (their enrolments and claims) and a quote for a stay, as a claim would be calculated. */
@MemberController
class MemberHomePage {

    /** An enrolment as the member reads it. */
    record Cover(String schemeName, LocalDate validFrom, LocalDate validTo, String state, String tone) {
    }

    private final Members members;
    private final Claims claims;
    private final RuleSets ruleSets;
    private final SubsidyQuotes quotes;
    private final Clock clock;

    MemberHomePage(Members members, Claims claims, RuleSets ruleSets, SubsidyQuotes quotes, Clock clock) {
        this.members = members;
        this.claims = claims;
        this.ruleSets = ruleSets;
        this.quotes = quotes;
        this.clock = clock;
    }

    @GetMapping("/m/")
    String home(@AuthenticationPrincipal SignedInMember me, Model model) {
        Member member = members.byId(me.memberId());
        Map<String, String> names = ruleSets.schemeNames();
        model.addAttribute("member", member);
        model.addAttribute("covers", covers(member, names));
        model.addAttribute("claims", claims.ofMember(member.id()).stream()
                .map(claim -> MemberClaimPages.row(claim, names)).toList());
        return "member/home";
    }

    @GetMapping("/m/quote")
    String quoteForm(@AuthenticationPrincipal SignedInMember me, Model model) {
        return quotePage(me, Map.of(), FieldErrors.none(), null, model);
    }

    @PostMapping("/m/quote")
    String quote(@AuthenticationPrincipal SignedInMember me, @RequestParam Map<String, String> form, Model model,
                 HttpServletResponse response) {
        FieldErrors errors = FieldErrors.none();
        QuoteRequest request = new QuoteRequest(form.get("scheme"), null, null,
                errors.date("admissionDate", form.get("admissionDate")),
                errors.date("dischargeDate", form.get("dischargeDate")), OnlineClaimForm.expenses(form, errors),
                Given.text(form.get("diagnosisCode")),
                errors.date("diagnosisDate", form.get("diagnosisDate")), null, null, null);
        if (errors.isEmpty()) {
            try {
                return quotePage(me, form, errors, quotes.quoteForMember(me.memberId(), request), model);
            } catch (InvalidInputException invalid) {
                errors.addAll(invalid.problems());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return quotePage(me, form, errors, null, model);
    }

    private String quotePage(SignedInMember me, Map<String, String> form, FieldErrors errors, SubsidyQuote quote,
                             Model model) {
        Member member = members.byId(me.memberId());
        model.addAttribute("member", member);
        model.addAttribute("schemes", OnlineClaimForm.schemesOf(members, ruleSets, member));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("quote", quote);
        return "member/quote";
    }

    private List<Cover> covers(Member member, Map<String, String> names) {
        LocalDate today = LocalDate.now(clock.withZone(Beijing.ZONE));
        return members.enrolments(member.id()).stream().map(e -> new Cover(names.getOrDefault(e.scheme(), e.scheme()),
                e.validFrom(), e.validTo(), e.covers(today) ? "保障中" : today.isBefore(e.validFrom()) ? "未开始" : "已到期",
                e.covers(today) ? "ok" : "")).toList();
    }
}
