package org.huzhu.membership;

import java.util.Optional;

import org.huzhu.notification.MemberMobiles;
import org.springframework.stereotype.Component;

/** The mobile number kept on the member (a clerk changes it), where the member's messages go. */
@Component
class MobilesOnFile implements MemberMobiles {

    private final Members members;

    MobilesOnFile(Members members) {
        this.members = members;
    }

    @Override
    public Optional<String> mobileOf(long memberId) {
        return members.mobileOf(memberId);
    }
}
