package org.huzhu.claim;

/** What an auditor decides. RETURN sends a claim from the league audit back to the agency. */
public enum Decision {
    APPROVE, REJECT, RETURN
}
