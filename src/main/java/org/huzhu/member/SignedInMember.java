package org.huzhu.member;

import org.springframework.security.core.AuthenticatedPrincipal;

/** A member signed in online: their member id is all a member session carries. */
public record SignedInMember(long memberId) implements AuthenticatedPrincipal {

    /** The authority of a member session; no staff role is ever given to one. */
    public static final String AUTHORITY = "ROLE_MEMBER";

    @Override
    public String getName() {
        return "member:" + memberId;
    }
}
