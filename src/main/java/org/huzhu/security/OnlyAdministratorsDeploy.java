package org.huzhu.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization checks and store, with deployment CREATE reserved to system
 * administrators (members of camunda-admin): they pass that check without a grant, and nobody
 * can be granted it, so nobody else deploys past Huzhu's revision checks, whatever the path.
 * (The engine does not exempt camunda-admin from authorization checks in general.) Every way of
 * saving an authorization (REST, Admin webapp, default authorizations) ends here.
 */
class OnlyAdministratorsDeploy extends AuthorizationManager {

    @Override
    public void checkAuthorization(Permission permission, Resource resource, String resourceId) {
        Authentication caller = getCurrentAuthentication();
        boolean deploymentCreate = permission.getValue() == Permissions.CREATE.getValue()
                && resource.resourceType() == Resources.DEPLOYMENT.resourceType();
        if (deploymentCreate && caller != null && isCamundaAdmin(caller)) {
            return;
        }
        super.checkAuthorization(permission, resource, resourceId);
    }

    @Override
    public void insert(DbEntity entity) {
        if (entity instanceof AuthorizationEntity authorization) {
            refuseDeploymentCreate(authorization);
        }
        super.insert(entity);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
        refuseDeploymentCreate(authorization);
        super.update(authorization);
    }

    static boolean grantsDeploymentCreate(Authorization authorization) {
        return authorization.getResourceType() == Resources.DEPLOYMENT.resourceType()
                && authorization.getAuthorizationType() != Authorization.AUTH_TYPE_REVOKE
                && authorization.isPermissionGranted(Permissions.CREATE);
    }

    private static void refuseDeploymentCreate(AuthorizationEntity authorization) {
        if (grantsDeploymentCreate(authorization)) {
            throw new BadUserRequestException("不能授予创建部署（Deployment CREATE）的权限：流程修订只能通过 Huzhu 的修订接口部署");
        }
    }
}
