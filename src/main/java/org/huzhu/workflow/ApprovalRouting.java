package org.huzhu.workflow;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.huzhu.claim.ApprovalFacts;
import org.springframework.stereotype.Component;

/**
 * The approval routing outside a running process: the inputs the decision reads and the steps
 * it adds, for claims moved to a new version and for an admin's dry run. In a process, the
 * business rule task RouteApproval evaluates the same decision on the same variables.
 */
@Component
class ApprovalRouting {

    private final DecisionService decisions;
    /**
     * Decisions under review are parsed and evaluated on a DMN engine of their own, FEEL only as
     * the process engine's, so that checks and dry runs leave no decision history in the process engine.
     */
    private final DmnEngine reviewEngine = SandboxedExpressions.feelOnly(new DefaultDmnEngineConfiguration()).buildEngine();

    private static final String SUBSIDY = "subsidy";
    private static final String SCHEME = "scheme";
    private static final String BENEFIT_KIND = "benefitKind";
    private static final String REPEAT_WITHIN_90_DAYS = "repeatWithin90Days";
    /** The names of the variables the routing decision reads. */
    static final List<String> INPUTS = List.of(SUBSIDY, SCHEME, BENEFIT_KIND, REPEAT_WITHIN_90_DAYS);

    ApprovalRouting(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The variables a claim's process routes on; BigDecimal cannot be a process variable, the subsidy goes as yuan in a double. */
    static Map<String, Object> inputs(ApprovalFacts facts) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(SUBSIDY, facts.subsidy().doubleValue());
        variables.put(SCHEME, facts.scheme());
        variables.put(BENEFIT_KIND, facts.benefitKind());
        variables.put(REPEAT_WITHIN_90_DAYS, facts.repeatWithin90Days());
        return variables;
    }

    /** The steps a deployed decision adds for these facts. */
    Set<ApprovalStep> steps(String decisionDefinitionId, ApprovalFacts facts) {
        return steps(decisions.evaluateDecisionById(decisionDefinitionId).variables(inputs(facts)).evaluate());
    }

    /** The steps a decision not yet deployed (an upload under review) adds for these facts. */
    Set<ApprovalStep> steps(DmnDecision decision, ApprovalFacts facts) {
        return steps(reviewEngine.evaluateDecision(decision, inputs(facts)));
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

    /** The routing variables for these steps, as RouteApproval sets them. */
    static Map<String, Object> variables(Set<ApprovalStep> steps) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (ApprovalStep step : ApprovalStep.values()) {
            variables.put(step.variable(), steps.contains(step));
        }
        return variables;
    }

    private static Set<ApprovalStep> steps(DmnDecisionResult result) {
        Set<ApprovalStep> steps = EnumSet.noneOf(ApprovalStep.class);
        for (Object value : result.collectEntries(ApprovalStep.OUTPUT)) {
            steps.add(ApprovalStep.valueOf(String.valueOf(value)));
        }
        return steps;
    }
}
