package org.huzhu.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A role is a Camunda group of the same id. Roles worked at an agency also have a group per
 * agency, {@code <role>-<agency code>}: the agency check's candidate group, and how Huzhu knows
 * which agency a clerk or agency auditor works for.
 */
public enum Role {
    CLERK("clerk", "受理员", true),
    AGENCY_AUDITOR("agency-auditor", "代办点审核员", true),
    LEAGUE_AUDITOR("league-auditor", "协会审核员", false),
    LEAGUE_HEAD("league-head", "协会负责人", false),
    COMMITTEE("committee", "互助保障委员会委员", false),
    SUPERVISOR("supervisor", "督办", false),
    FINANCE("finance", "财务人员", false),
    PROCESS_ADMIN("process-admin", "流程管理员", false),
    ADMIN("admin", "系统管理员", false);

    private final String groupId;
    private final String label;
    private final boolean workedAtAgency;

    Role(String groupId, String label, boolean workedAtAgency) {
        this.groupId = groupId;
        this.label = label;
        this.workedAtAgency = workedAtAgency;
    }

    public String groupId() {
        return groupId;
    }

    public String label() {
        return label;
    }

    public boolean workedAtAgency() {
        return workedAtAgency;
    }

    /** The group of this role at one agency, e.g. {@code agency-auditor-DEMO-A}. */
    public String atAgency(String agencyCode) {
        if (!workedAtAgency) {
            throw new IllegalStateException(this + " is not worked at an agency");
        }
        return groupId + "-" + agencyCode;
    }

    /** The groups of every role worked at the agency, e.g. {@code clerk-DEMO-A} and {@code agency-auditor-DEMO-A}. */
    public static List<String> groupsAtAgency(String agencyCode) {
        return Arrays.stream(values()).filter(Role::workedAtAgency).map(role -> role.atAgency(agencyCode)).toList();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
    }
}
