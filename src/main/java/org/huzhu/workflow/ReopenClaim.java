package org.huzhu.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.huzhu.claim.AuditStage;
import org.huzhu.claim.ClaimReview;
import org.huzhu.claim.ClaimReviews;
import org.huzhu.claim.Claims;
import org.springframework.stereotype.Component;

/**
 * Service task ReopenClaim of rejection-review.bpmn: the review upheld the rejection's appeal, so
 * a new pass of the claim's process starts before the step the reviewer named, inside the
 * HandleWithinDeadline subprocess (its deadline timers follow the new payment clock). From the
 * league audit it starts at CalculateSubsidy, so the subsidy and the approval routing are worked
 * out again on the papers as they are now. The claim then carries on to payment as any other.
 */
@Component("reopenClaim")
class ReopenClaim implements JavaDelegate {

    private final RuntimeService runtimeService;
    private final ClaimReviews reviews;
    private final Claims claims;

    ReopenClaim(RuntimeService runtimeService, ClaimReviews reviews, Claims claims) {
        this.runtimeService = runtimeService;
        this.reviews = reviews;
        this.claims = claims;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ProcessVariables.claimId(execution);
        ClaimReview review = reviews.of(claimId).stream().reduce((first, second) -> second)
                .filter(last -> ClaimReview.UPHELD.equals(last.outcome())).orElseThrow();
        String activity = review.restartStep() == AuditStage.LEAGUE_AUDIT ? "CalculateSubsidy"
                : AuditTask.AGENCY_CHECK.taskDefinitionKey();
        String started = runtimeService.createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
                .businessKey(Long.toString(claimId))
                .setVariables(ProcessVariables.ofClaim(claimId, (String) execution.getVariable(ProcessVariables.AGENCY_CODE)))
                .startBeforeActivity(activity)
                .execute().getId();
        claims.linkProcess(claimId, started);
    }
}
