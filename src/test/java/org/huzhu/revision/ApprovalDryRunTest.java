package org.huzhu.revision;

import java.io.File;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.huzhu.claim.ApprovalFacts;
import org.huzhu.workflow.ApprovalStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dry run's walk from the approval routing to the approval: the path the engine would take,
 * and a loud refusal, naming the element, wherever it would have to guess.
 */
class ApprovalDryRunTest {

    static final ApprovalFacts SMALL_CLAIM = new ApprovalFacts(new BigDecimal("800.00"), "INPATIENT", "EXPENSE", false);

    @Test
    void theShippedProcessTakesExactlyTheStepsTheRoutingAdds() {
        BpmnModelInstance shipped = Bpmn.readModelFromFile(new File("processes/claim-lifecycle.bpmn"));
        assertThat(taskIds(shipped, EnumSet.noneOf(ApprovalStep.class))).containsExactly("LeagueAudit");
        assertThat(taskIds(shipped, EnumSet.of(ApprovalStep.SECOND_AUDIT))).containsExactly("LeagueAudit", "SecondAudit");
        assertThat(taskIds(shipped, EnumSet.of(ApprovalStep.LEAGUE_HEAD, ApprovalStep.COMMITTEE)))
                .containsExactly("LeagueAudit", "LeagueHeadApproval", "CommitteeReview");
        assertThat(taskIds(shipped, EnumSet.allOf(ApprovalStep.class)))
                .containsExactly("LeagueAudit", "SecondAudit", "LeagueHeadApproval", "CommitteeReview");
    }

    @Test
    void aBranchTakesItsConditionOrTheDefault() {
        BpmnModelInstance model = secondAuditGateway("${secondAudit}", null, true);
        assertThat(taskIds(model, EnumSet.of(ApprovalStep.SECOND_AUDIT))).containsExactly("LeagueAudit", "SecondAudit");
        assertThat(taskIds(model, EnumSet.noneOf(ApprovalStep.class))).containsExactly("LeagueAudit");
        BpmnModelInstance byFigures = secondAuditGateway("${subsidy >= 500}", "${subsidy < 500}", false);
        assertThat(taskIds(byFigures, Set.of())).containsExactly("LeagueAudit", "SecondAudit");
    }

    @Test
    void aBranchWithoutConditionThatIsNotTheDefaultIsRefused() {
        assertRefused(secondAuditGateway("${secondAudit}", null, false), "DRY_RUN_CONDITION_MISSING",
                "排他网关「需复核？」（SecondAuditNeeded）的连线 Flow_SecondAuditSkipped 既没有条件也不是默认连线");
    }

    @Test
    void noConditionHoldingAndNoDefaultIsRefused() {
        assertRefused(secondAuditGateway("${secondAudit}", "${subsidy > 1000000}", false), "DRY_RUN_NO_FLOW_MATCHES",
                "「需复核？」（SecondAuditNeeded）的条件都不成立，也没有默认连线");
    }

    @Test
    void severalConditionsHoldingAreRefusedInsteadOfTakingTheFirst() {
        assertRefused(secondAuditGateway("${subsidy > 0}", "${scheme == 'INPATIENT'}", false), "DRY_RUN_SEVERAL_FLOWS_MATCH",
                "「需复核？」（SecondAuditNeeded）有多条连线的条件同时成立（Flow_ToSecondAudit、Flow_SecondAuditSkipped）");
    }

    @Test
    void aConditionThatCannotBeEvaluatedIsRefusedNotTakenAsFalse() {
        // the dry run knows the routing's figures, not who the claim is or where it came from
        assertRefused(secondAuditGateway("${agencyCode == 'DEMO-A'}", null, true), "DRY_RUN_CONDITION_FAILED",
                "连线 Flow_ToSecondAudit 的条件 ${agencyCode == 'DEMO-A'} 无法计算", "agencyCode");
        assertRefused(secondAuditGateway("${subsidy}", null, true), "DRY_RUN_CONDITION_FAILED",
                "连线 Flow_ToSecondAudit 的条件 ${subsidy} 的结果不是 true 或 false");
        assertRefused(secondAuditGateway("${''.getClass().getName() == 'x'}", null, true), "DRY_RUN_CONDITION_FAILED",
                "Flow_ToSecondAudit");
    }

    @Test
    void parallelPathsAreRefused() {
        BpmnModelInstance model = routedToLeagueAudit().parallelGateway("BothChecks").name("同时复核")
                .userTask("SecondAudit").name("协会复核").camundaCandidateGroups("league-auditor")
                .serviceTask("ApproveClaim").name("批准支付").camundaDelegateExpression("${approveClaim}")
                .endEvent("Approved").name("已批准")
                .moveToNode("BothChecks").userTask("LeagueHeadApproval").name("协会负责人审批")
                .camundaCandidateGroups("league-head").connectTo("ApproveClaim")
                .done();
        assertRefused(model, "DRY_RUN_CANNOT_FOLLOW", "「同时复核」（BothChecks） 不是排他网关，却有多条或带条件的连线");
    }

    @Test
    void aLoopThatNeverReachesTheApprovalIsRefused() {
        BpmnModelInstance model = routedToLeagueAudit().exclusiveGateway("Again").name("再审？")
                .condition("再审", "${subsidy > 0}").connectTo("LeagueAudit")
                .moveToNode("Again").condition("不再审", "${subsidy <= 0}")
                .serviceTask("ApproveClaim").name("批准支付").camundaDelegateExpression("${approveClaim}")
                .endEvent("Approved").name("已批准")
                .done();
        assertRefused(model, "DRY_RUN_LOOP", "又回到了「协会审核」（LeagueAudit）");
    }

    private static AbstractFlowNodeBuilder<?, ?> routedToLeagueAudit() {
        return Bpmn.createExecutableProcess("claim-lifecycle").startEvent("Routed").name("开始")
                .businessRuleTask("RouteApproval").name("确定审批路径").camundaDecisionRef(ApprovalStep.DECISION_KEY)
                .userTask("LeagueAudit").name("协会审核").camundaCandidateGroups("league-auditor");
    }

    /**
     * After the league audit, 需复核？ leads to the second audit or straight on to the approval, as in
     * the shipped process; each branch with the given condition (null for none), the second the default if asked.
     */
    private static BpmnModelInstance secondAuditGateway(String toSecondAudit, String straightOn, boolean straightOnIsDefault) {
        AbstractFlowNodeBuilder<?, ?> gateway = routedToLeagueAudit().exclusiveGateway("SecondAuditNeeded").name("需复核？")
                .sequenceFlowId("Flow_ToSecondAudit");
        if (toSecondAudit != null) {
            gateway = gateway.condition("需要", toSecondAudit);
        }
        AbstractFlowNodeBuilder<?, ?> skip = gateway.userTask("SecondAudit").name("协会复核").camundaCandidateGroups("league-auditor")
                .serviceTask("ApproveClaim").name("批准支付").camundaDelegateExpression("${approveClaim}")
                .endEvent("Approved").name("已批准")
                .moveToNode("SecondAuditNeeded").sequenceFlowId("Flow_SecondAuditSkipped");
        if (straightOn != null) {
            skip = skip.condition("不需要", straightOn);
        }
        BpmnModelInstance model = skip.connectTo("ApproveClaim").done();
        if (straightOnIsDefault) {
            ExclusiveGateway needed = model.getModelElementById("SecondAuditNeeded");
            needed.setDefault(model.<SequenceFlow>getModelElementById("Flow_SecondAuditSkipped"));
        }
        return model;
    }

    private static List<String> taskIds(BpmnModelInstance model, Set<ApprovalStep> steps) {
        return ApprovalDryRun.walk(model, variables(steps)).stream().map(BaseElement::getId).toList();
    }

    private static Map<String, Object> variables(Set<ApprovalStep> steps) {
        return ApprovalDryRun.variables(SMALL_CLAIM, steps);
    }

    private static void assertRefused(BpmnModelInstance model, String code, String... inMessage) {
        assertThatThrownBy(() -> ApprovalDryRun.walk(model, variables(EnumSet.noneOf(ApprovalStep.class))))
                .isInstanceOfSatisfying(ApprovalDryRun.Unfollowable.class, refusal -> assertThat(refusal.code()).isEqualTo(code))
                .hasMessageContainingAll(inMessage);
    }
}
