package org.huzhu.revision;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.huzhu.claim.ApprovalFacts;
import org.huzhu.workflow.ApprovalRouting;
import org.huzhu.workflow.ApprovalStep;
import org.huzhu.workflow.SandboxedExpressions;
import org.springframework.stereotype.Component;

/**
 * The approval routing decision evaluated outside a running process: the steps it adds for a
 * claim's facts, for claims moved to a new version, for an admin's dry run and for the checks of
 * an uploaded decision. In a process, RouteApproval evaluates the same decision on the same
 * variables ({@link ApprovalRouting#inputs}).
 */
@Component
class RoutingDecisions {

    private final DecisionService decisions;
    /**
     * Decisions under review are parsed and evaluated on a DMN engine of their own, FEEL only as
     * the process engine's, so that checks and dry runs leave no decision history in the process engine.
     */
    private final DmnEngine reviewEngine = SandboxedExpressions.feelOnly(new DefaultDmnEngineConfiguration()).buildEngine();

    RoutingDecisions(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The steps a deployed decision adds for these facts. */
    Set<ApprovalStep> steps(String decisionDefinitionId, ApprovalFacts facts) {
        return steps(decisions.evaluateDecisionById(decisionDefinitionId).variables(ApprovalRouting.inputs(facts)).evaluate());
    }

    /** The steps a decision not yet deployed (an upload under review) adds for these facts. */
    Set<ApprovalStep> steps(DmnDecision decision, ApprovalFacts facts) {
        return steps(reviewEngine.evaluateDecision(decision, ApprovalRouting.inputs(facts)));
    }

    /** The routing decision of a DMN file; empty when the file has none. */
    Optional<DmnDecision> decisionIn(InputStream dmn) {
        return routingDecision(reviewEngine.parseDecisions(dmn));
    }

    /** The routing decision among parsed decisions. */
    static Optional<DmnDecision> routingDecision(List<DmnDecision> decisions) {
        return decisions.stream().filter(d -> ApprovalStep.DECISION_KEY.equals(d.getKey())).findFirst();
    }

    /** The decisions of a DMN model as the engine would deploy them; throws what the engine would refuse. */
    List<DmnDecision> parse(DmnModelInstance dmn) {
        return reviewEngine.parseDecisions(dmn);
    }

    private static Set<ApprovalStep> steps(DmnDecisionResult result) {
        Set<ApprovalStep> steps = EnumSet.noneOf(ApprovalStep.class);
        for (Object value : result.collectEntries(ApprovalStep.OUTPUT)) {
            steps.add(ApprovalStep.valueOf(String.valueOf(value)));
        }
        return steps;
    }
}
