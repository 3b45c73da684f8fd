package org.huzhu.claim;

/**
 * What an auditor decides. RETURN sends a claim from the league audit back to the agency. The
 * review of a rejection (复核申请) refuses it (the rejection stands) or upholds it and names the
 * step the claim is audited again from.
 */
public enum Decision {
    APPROVE("通过"), REJECT("驳回"), RETURN("退回代办点"),
    REFUSE("维持驳回"),
    UPHOLD_AT_AGENCY_CHECK("撤销驳回，重新审核（从代办点审核起）"),
    UPHOLD_AT_LEAGUE_AUDIT("撤销驳回，重新审核（从协会审核起）");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
