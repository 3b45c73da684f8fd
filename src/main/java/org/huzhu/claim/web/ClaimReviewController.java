package org.huzhu.claim.web;

import java.net.URI;
import java.util.List;

import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimReview;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.claim.Claims;
import org.huzhu.security.Staff;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review of a rejection (复核申请) over the API: a clerk asks for it for the member of their
 * agency; whoever may read the claim reads its reviews. The decision is the review task's
 * ({@code POST /api/tasks/{id}/decision}).
 */
@RestController
@RequestMapping("/api/claims/{id}/reviews")
class ClaimReviewController {

    private final ClaimReviews reviews;
    private final Claims claims;
    private final ClaimAccess access;

    ClaimReviewController(ClaimReviews reviews, Claims claims, ClaimAccess access) {
        this.reviews = reviews;
        this.claims = claims;
        this.access = access;
    }

    /** Why the member asks for the review (required, up to 500 characters). */
    record ReviewRequest(String reason) {
    }

    @PostMapping
    ResponseEntity<ClaimReview> request(@PathVariable long id, @RequestBody ReviewRequest request,
                                        @AuthenticationPrincipal Staff staff) {
        ClaimReview review = reviews.requestAtCounter(id, request.reason(), staff);
        return ResponseEntity.created(URI.create("/api/claims/" + id + "/reviews")).body(review);
    }

    @GetMapping
    List<ClaimReview> of(@PathVariable long id, @AuthenticationPrincipal Staff staff) {
        access.requireRead(staff, claims.get(id));
        return reviews.of(id);
    }
}
