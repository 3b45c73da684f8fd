package org.huzhu.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each role may see and do in Camunda's own webapps and REST API, with the engine's
 * authorization checks on. Tasks need nothing here: the engine grants a task to its
 * candidate groups when it is created, so an agency's auditors see only their agency's tasks.
 * System administrators (camunda-admin) hold everything but deploying by grant.
 */
@Component
@Order(2)
public class EngineAuthorizations implements ApplicationRunner {

    private final AuthorizationService authorizations;

    EngineAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Role role : Role.values()) {
            // Names of people and groups, so lists can show who holds a task.
            grant(role.groupId(), Resources.USER, Permissions.READ);
            grant(role.groupId(), Resources.GROUP, Permissions.READ);
        }
        for (Role role : new Role[] {Role.CLERK, Role.AGENCY_AUDITOR, Role.LEAGUE_AUDITOR, Role.LEAGUE_HEAD,
                Role.COMMITTEE}) {
            grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role.groupId(), Resources.PROCESS_DEFINITION, Permissions.READ);
        }
        grant(Role.SUPERVISOR.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Role.SUPERVISOR.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Role.SUPERVISOR.groupId(), Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY, Permissions.READ_TASK);
        grant(Role.SUPERVISOR.groupId(), Resources.PROCESS_INSTANCE, Permissions.READ);
        // Supervisors read every task and may hand one to another auditor.
        grant(Role.SUPERVISOR.groupId(), Resources.TASK, Permissions.READ, Permissions.TASK_ASSIGN);
        grant(Role.SUPERVISOR.groupId(), Resources.DEPLOYMENT, Permissions.READ);
        grant(Role.SUPERVISOR.groupId(), Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY);
        grant(Role.SUPERVISOR.groupId(), Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ);

        for (String app : new String[] {"cockpit", "tasklist", "admin"}) {
            grant(Role.PROCESS_ADMIN.groupId(), Resources.APPLICATION, app, Permissions.ACCESS);
        }
        for (Resource resource : new Resource[] {Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
                Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION,
                Resources.BATCH, Resources.TASK, Resources.FILTER, Resources.HISTORIC_PROCESS_INSTANCE,
                Resources.HISTORIC_TASK}) {
            grant(Role.PROCESS_ADMIN.groupId(), resource, Permissions.ALL);
        }
        // Process admins deploy through /api/admin/deployments, which checks first and deploys
        // as the system; the engine's own deployment endpoints stay closed to them.
        grantOnly(Role.PROCESS_ADMIN.groupId(), Resources.DEPLOYMENT, Permissions.READ);
        grantSystemAdministrators();
        stripDeploymentCreate();
    }

    /**
     * What Camunda's own first-run setup gives camunda-admin (ALL on every resource): the engine
     * exempts nobody from its checks, so without it a production start's first admin could not
     * create a group, user, membership or authorization in Camunda Admin or /engine-rest. On
     * Deployment all but CREATE, which nobody may hold: system administrators pass that check
     * without a grant (OnlyAdministratorsDeploy).
     */
    private void grantSystemAdministrators() {
        for (Resource resource : Resources.values()) {
            if (resource != Resources.DEPLOYMENT) {
                grant(Groups.CAMUNDA_ADMIN, resource, Permissions.ALL);
            }
        }
        grantOnly(Groups.CAMUNDA_ADMIN, Resources.DEPLOYMENT, Permissions.READ, Permissions.DELETE);
    }

    /** Grants made before nobody held deployment CREATE (the engine refuses new ones: OnlyAdministratorsDeploy). */
    private void stripDeploymentCreate() {
        for (Authorization authorization : authorizations.createAuthorizationQuery()
                .resourceType(Resources.DEPLOYMENT).list()) {
            if (OnlyAdministratorsDeploy.grantsDeploymentCreate(authorization)) {
                authorization.removePermission(Permissions.CREATE);
                authorizations.saveAuthorization(authorization);
            }
        }
    }

    /** Sets the group's grant on all resources of the kind to exactly these permissions. */
    private void grantOnly(String groupId, Resource resource, Permission... permissions) {
        Authorization grant = grantOf(groupId, resource, Authorization.ANY);
        grant.setPermissions(permissions);
        authorizations.saveAuthorization(grant);
    }

    /** Grants on all resources of the kind. */
    public void grant(String groupId, Resource resource, Permission... permissions) {
        grant(groupId, resource, Authorization.ANY, permissions);
    }

    /** Adds the permissions to the group's grant on the resource, creating it when missing. */
    public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = grantOf(groupId, resource, resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    private Authorization grantOf(String groupId, Resource resource, String resourceId) {
        Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        return grant;
    }
}
