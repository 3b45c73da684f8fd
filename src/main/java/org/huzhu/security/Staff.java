package org.huzhu.security;

import java.util.Map;
import java.util.Set;

import org.huzhu.platform.DomainException;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in person: their user id, roles and, for agency roles, the agencies they work at.
 */
public record Staff(String userId, Set<Role> roles, Map<Role, Set<String>> agencies, Set<String> groupIds)
        implements AuthenticatedPrincipal {

    /** The user id, as Spring Security names the signed-in person (pages, logs of sign-ins). */
    @Override
    public String getName() {
        return userId;
    }

    public static final String SYSTEM = "system";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses the request up front, before its content is looked at, when none of the roles is held. */
    public void requireAny(Role... candidates) {
        if (!hasAny(candidates)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "当前角色无权执行此操作");
        }
    }

    /** True when this person holds the role at the agency. */
    public boolean worksAt(Role role, String agencyCode) {
        return agencies.getOrDefault(role, Set.of()).contains(agencyCode);
    }

    public boolean inGroup(String groupId) {
        return groupIds.contains(groupId);
    }
}
