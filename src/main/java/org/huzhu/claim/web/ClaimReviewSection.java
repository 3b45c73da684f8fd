package org.huzhu.claim.web;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.huzhu.claim.Claim;
import org.huzhu.claim.ClaimAccess;
import org.huzhu.claim.ClaimPageSection;
import org.huzhu.claim.ClaimReview;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.FieldErrors;
import org.huzhu.scheme.DocumentKind;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Component;

/**
 * The claim page's 申请复核 section: the reviews of the claim's rejections with their outcomes,
 * the window for asking, and for the clerks of the claim's agency the form that asks for one
 * with the member's reason and new papers.
 */
@Component
class ClaimReviewSection implements ClaimPageSection {

    static final String ERRORS = "reviewErrors";
    static final String REASON = "reviewReason";

    /**
     * @param window     the rejected claim's window for a review; null when it is not rejected
     * @param mayRequest the person may ask for the review now
     */
    record Part(long claimId, List<Row> reviews, ClaimReviews.Window window, boolean windowClosed,
                boolean mayRequest, List<DocumentKind> kinds, FieldErrors errors, String reason) {
    }

    /** A review as the page lists it, its time in Beijing. */
    record Row(ClaimReview review, String requestedAt) {
    }

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Beijing.ZONE);

    private final ClaimReviews reviews;
    private final ClaimAccess access;

    ClaimReviewSection(ClaimReviews reviews, ClaimAccess access) {
        this.reviews = reviews;
        this.access = access;
    }

    @Override
    public Place place() {
        return Place.WORK;
    }

    @Override
    public Optional<Section> sectionFor(Claim claim, Staff staff, Map<String, ?> carried) {
        List<ClaimReview> all = reviews.of(claim.id());
        ClaimReviews.Window window = reviews.window(claim.id()).orElse(null);
        if (all.isEmpty() && window == null) {
            return Optional.empty();
        }
        boolean clerk = staff.has(Role.ADMIN) || staff.worksAt(Role.CLERK, access.agencyCode(claim));
        boolean mayRequest = clerk && window != null && window.mayRequest(reviews.today());
        FieldErrors errors = carried.get(ERRORS) instanceof FieldErrors sent ? sent : FieldErrors.none();
        String reason = carried.get(REASON) instanceof String typed ? typed : "";
        List<Row> rows = all.stream().map(review -> new Row(review, MINUTE.format(review.requestedAt()))).toList();
        return Optional.of(new Section("claim/review", new Part(claim.id(), rows, window,
                window != null && window.closed(reviews.today()), mayRequest, Arrays.asList(DocumentKind.values()),
                errors, reason)));
    }
}
