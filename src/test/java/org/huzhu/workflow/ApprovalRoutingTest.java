package org.huzhu.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.huzhu.support.Api;
import org.huzhu.support.ClaimProcessTest;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After the league audit, approval-routing.dmn adds the checks a claim's figures call for. */
@HuzhuIntegrationTest
class ApprovalRoutingTest extends ClaimProcessTest {

    @Autowired
    IdentityService identityService;

    @Test
    void aSmallClaimNeedsTheLeagueAuditAlone() {
        long id = claims.submit(api.enrolledMember(), "2000.00");
        claims.decide("agency", id, "AgencyCheck", "APPROVE");
        claims.decide("league", id, "LeagueAudit", "APPROVE");
        claims.pay(id);
        assertThat(claims.decidedSteps(id)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT");
    }

    @Test
    void tenThousandYuanNeedTheLeagueHeadAndFiftyThousandTheCommitteeToo() {
        long large = claims.submit(api.enrolledMember(), "21000.00");   // subsidy 10,300.00
        long veryLarge = claims.submit(api.enrolledMember(), "110000.00"); // subsidy 54,800.00
        for (long id : List.of(large, veryLarge)) {
            claims.decide("agency", id, "AgencyCheck", "APPROVE");
            claims.decide("league", id, "LeagueAudit", "APPROVE");
            assertThat(claims.status(id)).isEqualTo("LEAGUE_AUDIT");
            Task head = claims.openTask(id);
            assertThat(head.getTaskDefinitionKey()).isEqualTo("LeagueHeadApproval");
            assertThat(claims.decision("league", head, "APPROVE").status()).isEqualTo(403);
            assertThat(api.get("clerk", "/api/claims/" + id).body().get("openSteps").toString()).contains("协会负责人审批");
            assertThat(taskService.getVariableLocal(head.getId(), "claimView").toString())
                    .contains("协会负责人审批", "[在工作台查看材料文件](/claims/" + id + "#papers)");
            claims.decide("head", id, "LeagueHeadApproval", "APPROVE");
        }
        claims.pay(large);
        assertThat(claims.decidedSteps(large)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "LEAGUE_HEAD_APPROVAL");

        Task committee = claims.openTask(veryLarge);
        assertThat(committee.getTaskDefinitionKey()).isEqualTo("CommitteeReview");
        assertThat(taskService.getVariableLocal(committee.getId(), "claimView").toString())
                .contains("协会负责人审批（head）：通过");
        assertThat(api.fieldCodes(claims.decision("committee", committee, "REJECT"))).contains("reason:REQUIRED");
        claims.decide("committee", veryLarge, "CommitteeReview", "REJECT", "超出委员会核定的特殊困难标准");
        assertThat(claims.status(veryLarge)).isEqualTo("REJECTED");
        assertThat(claims.payments(veryLarge)).isZero();
    }

    @Test
    void aRepeatClaimWithinNinetyDaysIsCheckedByASecondAuditor() {
        String member = api.enrolledMember();
        long first = claims.submit(member, "2000.00");
        long second = claims.submit(member, "1500.00");
        claims.decide("agency", second, "AgencyCheck", "APPROVE");
        claims.decide("league", second, "LeagueAudit", "APPROVE");
        Task secondAudit = claims.openTask(second);
        assertThat(secondAudit.getTaskDefinitionKey()).isEqualTo("SecondAudit");

        // the second audit is not offered to the auditor who approved
        Api.Answer sameAuditor = claims.decision("league", secondAudit, "APPROVE");
        assertThat(sameAuditor.status()).as(sameAuditor.body().toString()).isEqualTo(403);
        assertThat(sameAuditor.body().get("code").asText()).isEqualTo("NOT_YOUR_TASK");
        assertThat(claims.openTask(second).getTaskDefinitionKey()).isEqualTo("SecondAudit");
        // Tasklist completes through the engine: they cannot take it there, and should an
        // administrator name them a candidate, the four-eyes rule (SAME_DECIDER) still refuses it.
        identityService.setAuthentication("league", List.of("league-auditor"));
        try {
            assertThatThrownBy(() -> taskService.claim(secondAudit.getId(), "league"))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        taskService.addCandidateUser(secondAudit.getId(), "league");
        identityService.setAuthentication("league", List.of("league-auditor"));
        try {
            taskService.claim(secondAudit.getId(), "league");
            assertThatThrownBy(() -> taskService.complete(secondAudit.getId(), Map.of("secondAuditOutcome", "APPROVE")))
                    .hasStackTraceContaining("须由未审核过此申请的人办理");
            taskService.setAssignee(secondAudit.getId(), null);
        } finally {
            identityService.clearAuthentication();
        }
        taskService.deleteCandidateUser(secondAudit.getId(), "league");

        claims.decide("league-b", second, "SecondAudit", "APPROVE");
        claims.pay(second);
        assertThat(claims.decidedSteps(second)).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT");
        assertThat(claims.status(first)).isEqualTo("AGENCY_CHECK");
    }
}
