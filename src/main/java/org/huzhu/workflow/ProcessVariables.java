package org.huzhu.workflow;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** The few variables a claim's process holds: ids and routing values, never business state. */
public final class ProcessVariables {

    public static final String PROCESS_KEY = "claim-lifecycle";
    public static final String CLAIM_ID = "claimId";
    /** The review of a rejection (复核申请), a process of its own beside the claim's. */
    public static final String REVIEW_PROCESS_KEY = "rejection-review";
    static final String AGENCY_CODE = "agencyCode";
    static final String PRE_CHECK_OUTCOME = "preCheckOutcome";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String SUPPLEMENTS_RECEIVED = "SupplementsReceived";
    static final String PAYMENT_SETTLED = "PaymentSettled";
    static final String PAYMENT_OUTCOME = "paymentOutcome";

    private ProcessVariables() {
    }

    /** What a claim's process, or its review, starts with: the claim and its agency (the agency check's group). */
    static Map<String, Object> ofClaim(long claimId, String agencyCode) {
        return Map.of(CLAIM_ID, claimId, AGENCY_CODE, agencyCode);
    }

    /**
     * Sets a value that only the gateway or decision right after reads, in the same transaction:
     * transient, so it is never stored nor kept in history. An instance that stores one of that
     * name already (set before values went transient) has it updated instead, as the engine
     * refuses a transient value over a stored one.
     */
    static void setForRouting(VariableScope scope, String name, Object value) {
        TypedValue stored = scope.getVariableTyped(name);
        scope.setVariable(name, Variables.untypedValue(value, stored == null || stored.isTransient()));
    }

    /** {@link #setForRouting} for each of the values. */
    static void setForRouting(VariableScope scope, Map<String, Object> values) {
        values.forEach((name, value) -> setForRouting(scope, name, value));
    }

    public static long claimId(VariableScope scope) {
        Object value = scope.getVariable(CLAIM_ID);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("process has no claimId");
    }
}
