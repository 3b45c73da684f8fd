package org.huzhu.security;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Camunda's database identity provider (users stay in the engine's tables), with two rules
 * of ours for every client, our API and the webapps alike:
 * <ul>
 * <li>sign-in locks as {@link SignInLocks} says, never for good. The engine's own (7.24,
 * {@code DbIdentityServiceProvider.isUserLocked}/{@code lockUser}) locks for
 * {@code loginDelayBase * loginDelayFactor^(n-1)} seconds and for good from the
 * {@code loginMaxAttempts}-th wrong password. The count and the lock's end stay in the engine's
 * columns ({@code ACT_ID_USER.ATTEMPTS_}, {@code LOCK_EXP_TIME_}), so Camunda Admin's unlock
 * still works; every change of a user or membership forgets the remembered credentials;</li>
 * <li>camunda-admin never loses its last member: with it empty, the Admin webapp's first-run
 * setup would let anyone create an administrator.</li>
 * </ul>
 */
class IdentityStore extends DbIdentityServiceProvider {

    private final SignInLocks locks;

    IdentityStore(SignInLocks locks) {
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
        if (isLastAdministrator(userId)) {
            throw lastAdministrator();
        }
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
        if (Groups.CAMUNDA_ADMIN.equals(groupId) && isLastAdministrator(userId)) {
            throw lastAdministrator();
        }
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        locks.changed(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
            throw new BadUserRequestException("不能删除 " + Groups.CAMUNDA_ADMIN + " 组：系统管理员都在这个组里");
        }
        return super.deleteGroup(groupId);
    }

    private boolean isLastAdministrator(String userId) {
        return Context.getCommandContext().runWithoutAuthorization(() -> existsMembership(userId, Groups.CAMUNDA_ADMIN)
                && createUserQuery(Context.getCommandContext()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() <= 1);
    }

    private static BadUserRequestException lastAdministrator() {
        return new BadUserRequestException("不能移除最后一位系统管理员（" + Groups.CAMUNDA_ADMIN + " 组至少要有一位成员）");
    }
}
