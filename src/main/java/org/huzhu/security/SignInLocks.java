package org.huzhu.security;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.huzhu.audit.AuditTrail;
import org.huzhu.platform.Beijing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How long sign-in stays refused after wrong passwords in a row, for our API and the Camunda
 * webapps alike (both ask the identity service, see {@link IdentityStore}). A few
 * typos cost nothing; then each further wrong password locks for longer, up to a cap, and
 * never for good: anyone who knows a user id could otherwise lock that person (or
 * {@code admin}) out until someone unlocks them. A correct password after the lock expires
 * signs in and clears the count; an administrator's password reset unlocks at once.
 */
@Component
public class SignInLocks {

    /** Wrong passwords in a row that lock nothing yet. */
    static final int FREE_FAILURES = 4;
    static final Duration FIRST_LOCK = Duration.ofMinutes(5);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(SignInLocks.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Beijing.ZONE);

    private final AuditTrail audit;
    private final VerifiedCredentials verified;

    SignInLocks(AuditTrail audit, VerifiedCredentials verified) {
        this.audit = audit;
        this.verified = verified;
    }

    /** Zero for the first {@value #FREE_FAILURES} wrong passwords, then 5, 10, 20, 40 minutes, then an hour each. */
    static Duration lockAfter(int failuresInARow) {
        if (failuresInARow <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - FREE_FAILURES - 1, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** Called inside the engine's sign-in check that locked the account, so the entry commits with the lock. */
    void locked(String userId, int failuresInARow, Instant until) {
        verified.forget(userId);
        log.warn("Sign-in of user {} locked until {} after {} wrong passwords in a row", userId, until, failuresInARow);
        audit.record(Staff.SYSTEM, "USER_LOCKED", "USER", userId, null,
                "连续" + failuresInARow + "次密码错误，暂停登录至" + MINUTE.format(until) + "（北京时间）");
    }

    /** The account, its password or its groups changed, wherever that was done. */
    void changed(String userId) {
        verified.forget(userId);
    }
}
