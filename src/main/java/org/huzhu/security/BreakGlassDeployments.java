package org.huzhu.security;

import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.Deployment;
import org.huzhu.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Records in the audit trail every deployment a signed-in person makes through the engine
 * itself (its REST API or the webapps): only system administrators can, as a break-glass
 * path past the revision checks. Huzhu's own deployments run without a signed-in user and keep
 * their own record. Runs inside the command's transaction, so a failed deployment records nothing.
 */
class BreakGlassDeployments extends CommandInterceptor {

    private final ObjectProvider<AuditTrail> audit;

    BreakGlassDeployments(ObjectProvider<AuditTrail> audit) {
        this.audit = audit;
    }

    @Override
    public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        String userId = command instanceof DeployCmd ? Context.getCommandContext().getAuthenticatedUserId() : null;
        if (userId != null && result instanceof Deployment deployment) {
            audit.getObject().record(userId, "ENGINE_DEPLOYMENT", "DEPLOYMENT", deployment.getId(), null,
                    "直接通过引擎部署（未经修订检查）：" + deployment.getName());
        }
        return result;
    }
}
