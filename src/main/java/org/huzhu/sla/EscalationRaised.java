package org.huzhu.sla;

/** Published in the transaction that raises an escalation, so the claim's open work becomes urgent with it. */
public record EscalationRaised(long claimId, EscalationKind kind) {
}
