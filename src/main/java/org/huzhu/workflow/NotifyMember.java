package org.huzhu.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.claim.Claims;
import org.huzhu.claim.MemberNotices;
import org.springframework.stereotype.Component;

/** Service task NotifyMember: tells the member how the claim ended, once. */
@Component("notifyMember")
class NotifyMember implements JavaDelegate {

    private final Claims claims;
    private final MemberNotices notices;
    private final ClaimReviews reviews;

    NotifyMember(Claims claims, MemberNotices notices, ClaimReviews reviews) {
        this.claims = claims;
        this.notices = notices;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ProcessVariables.claimId(execution);
        notices.outcome(claims.get(claimId), reviews.window(claimId));
    }
}
