package org.huzhu.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * The engine's user store, refusing to leave camunda-admin without members: with it empty,
 * the Admin webapp's first-run setup would let anyone create an administrator.
 */
class AdministratorsRemain extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        if (Groups.CAMUNDA_ADMIN.equals(groupId) && isLastAdministrator(userId)) {
            throw refusal();
        }
        return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        if (isLastAdministrator(userId)) {
            throw refusal();
        }
        return super.deleteUser(userId);
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

    private static BadUserRequestException refusal() {
        return new BadUserRequestException("不能移除最后一位系统管理员（" + Groups.CAMUNDA_ADMIN + " 组至少要有一位成员）");
    }
}
