package org.huzhu.security;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Camunda's database identity provider with {@link SignInLocks}' lock instead of its own. The
 * engine's (7.24, {@code DbIdentityServiceProvider.isUserLocked}/{@code lockUser}) locks for
 * {@code loginDelayBase * loginDelayFactor^(n-1)} seconds from the first wrong password and for
 * good from the {@code loginMaxAttempts}-th, until {@code unlockUser}. Both the failure count and
 * the lock's end stay in the engine's columns ({@code ACT_ID_USER.ATTEMPTS_}, {@code LOCK_EXP_TIME_}),
 * so Camunda Admin's unlock still works. Every change of a user or a membership, here or in
 * Camunda Admin, also forgets the person's remembered credentials.
 */
class LockingIdentityProvider extends DbIdentityServiceProvider {

    private final SignInLocks locks;

    LockingIdentityProvider(SignInLocks locks) {
        this.locks = locks;
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        Date until = user.getLockExpirationTime();
        return until != null && until.after(ClockUtil.getCurrentTime());
    }

    /** Called by the engine for a wrong password while the account is not locked. */
    @Override
    protected void lockUser(UserEntity user) {
        int failures = user.getAttempts() + 1;
        Duration lock = SignInLocks.lockAfter(failures);
        Date until = lock.isZero() ? null : new Date(ClockUtil.getCurrentTime().getTime() + lock.toMillis());
        getIdentityInfoManager().updateUserLock(user, failures, until);
        if (until != null) {
            locks.locked(user.getId(), failures, until.toInstant());
        }
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
        IdentityOperationResult result = super.saveUser(user);
        locks.changed(user.getId());
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        IdentityOperationResult result = super.deleteUser(userId);
        locks.changed(userId);
        return result;
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        IdentityOperationResult result = super.createMembership(userId, groupId);
        locks.changed(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        locks.changed(userId);
        return result;
    }
}
