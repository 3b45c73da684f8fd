package org.huzhu.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.huzhu.claim.ApprovalFacts;

/**
 * The approval routing as a claim's process holds it: the inputs CalculateSubsidy sets for the
 * decision that the business rule task RouteApproval evaluates, and the boolean per step that
 * RouteApproval sets from its result. Outside a running process (claims moved to a new version,
 * an admin's dry run) the same variables are built from the same facts.
 */
public final class ApprovalRouting {

    private static final String SUBSIDY = "subsidy";
    private static final String SCHEME = "scheme";
    private static final String BENEFIT_KIND = "benefitKind";
    private static final String REPEAT_WITHIN_90_DAYS = "repeatWithin90Days";
    /** The names of the variables the routing decision reads. */
    static final List<String> INPUTS = List.of(SUBSIDY, SCHEME, BENEFIT_KIND, REPEAT_WITHIN_90_DAYS);

    private ApprovalRouting() {
    }

    /** The variables a claim's process routes on; BigDecimal cannot be a process variable, the subsidy goes as yuan in a double. */
    public static Map<String, Object> inputs(ApprovalFacts facts) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(SUBSIDY, facts.subsidy().doubleValue());
        variables.put(SCHEME, facts.scheme());
        variables.put(BENEFIT_KIND, facts.benefitKind());
        variables.put(REPEAT_WITHIN_90_DAYS, facts.repeatWithin90Days());
        return variables;
    }

    /** The routing variables for these steps, as RouteApproval sets them. */
    public static Map<String, Object> variables(Set<ApprovalStep> steps) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (ApprovalStep step : ApprovalStep.values()) {
            variables.put(step.variable(), steps.contains(step));
        }
        return variables;
    }
}
