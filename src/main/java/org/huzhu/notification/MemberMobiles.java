package org.huzhu.notification;

import java.util.Optional;

/** The mobile number on file for a member, asked when a message is sent (it may have changed since). */
public interface MemberMobiles {

    Optional<String> mobileOf(long memberId);
}
