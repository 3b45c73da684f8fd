package org.huzhu.claim;

import java.util.Set;

/** The two human checks a claim passes, and the decisions each may take. */
public enum AuditStage {
    AGENCY_CHECK("代办点审核", Set.of(Decision.APPROVE, Decision.REJECT)),
    LEAGUE_AUDIT("协会审核", Set.of(Decision.APPROVE, Decision.REJECT, Decision.RETURN));

    private final String label;
    private final Set<Decision> decisions;

    AuditStage(String label, Set<Decision> decisions) {
        this.label = label;
        this.decisions = decisions;
    }

    public String label() {
        return label;
    }

    public boolean allows(Decision decision) {
        return decisions.contains(decision);
    }
}
