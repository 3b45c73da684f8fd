package org.huzhu.claim.web;

import java.net.URI;
import java.util.List;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimIntake;
import org.huzhu.claim.ClaimPersonalData;
import org.huzhu.claim.ClaimSearch;
import org.huzhu.claim.ClaimSubmission;
import org.huzhu.claim.Claims;
import org.huzhu.scheme.RuleSets;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/claims")
class ClaimController {

    private final ClaimIntake intake;
    private final Claims claims;
    private final ClaimAccess access;
    private final ClaimPersonalData personalData;
    private final ClaimViews views;
    private final ClaimSearch search;
    private final RuleSets ruleSets;

    ClaimController(ClaimIntake intake, Claims claims, ClaimAccess access, ClaimPersonalData personalData,
                    ClaimViews views, ClaimSearch search, RuleSets ruleSets) {
        this.search = search;
        this.ruleSets = ruleSets;
        this.intake = intake;
        this.claims = claims;
        this.access = access;
        this.personalData = personalData;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<ClaimView> submit(@RequestBody ClaimSubmission submission, @AuthenticationPrincipal Staff staff) {
        Claim claim = intake.submit(submission, staff);
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(views.of(claim));
    }

    /** A page of the claims list (申请查询), the same filter as the workbench's; 50 a page, newest first. */
    record ClaimListPage(List<ClaimSearch.Row> claims, int page, boolean more) {
    }

    @GetMapping
    ClaimListPage list(@ModelAttribute ClaimList asked, @AuthenticationPrincipal Staff staff) {
        List<ClaimSearch.Row> rows = search.find(staff, asked.checked(ruleSets.schemeNames()),
                asked.pageNumber() * ClaimList.PAGE_SIZE, ClaimList.PAGE_SIZE + 1);
        return new ClaimListPage(rows.stream().limit(ClaimList.PAGE_SIZE).toList(), asked.pageNumber(),
                rows.size() > ClaimList.PAGE_SIZE);
    }

    @GetMapping("/{id}")
    ClaimView claim(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        Claim claim = claims.get(id);
        access.requireRead(staff, claim);
        return views.of(claim);
    }

    /** The full numbers, for those who need them; every read is in the audit trail. */
    @GetMapping("/{id}/personal-data")
    ClaimPersonalData.PersonalData personalData(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        return personalData.read(id, staff);
    }

    /** Papers whose originals the clerk saw at the counter; {@code reason} why no file stands for them (optional). */
    record SupplementRequest(List<String> documents, String reason) {
    }

    @PostMapping("/{id}/supplements")
    ClaimView supplements(@PathVariable long id, @RequestBody SupplementRequest request,
                          @AuthenticationPrincipal Staff staff) {
        return views.of(intake.addSupplements(id, request.documents(), request.reason(), staff));
    }
}
