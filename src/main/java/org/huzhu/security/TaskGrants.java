package org.huzhu.security;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The grants the engine makes on a task, fewer of them: one per candidate group or candidate user,
 * as before, and none more for whoever takes the task. Only a candidate may hold a task (the
 * inbox's assignment listener refuses anyone else), and every candidate holds the task already
 * through its group's grant or its own, with the same permissions; the engine's default wrote a
 * second grant for the holder at every claim. A task created in the command being run has no
 * grant yet, so the engine's look-up for one to extend is skipped there.
 */
@Component
class TaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            if (newAssignee != null && task instanceof TaskEntity entity && !entity.getCandidates().isEmpty()) {
                return null;
            }
            return super.newTaskAssignee(task, oldAssignee, newAssignee);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
            return createdNow(resourceId) ? null : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
            return createdNow(resourceId) ? null : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
        }

        /** Whether the task was created in this command: not yet in the database, so no grant on it is either. */
        private static boolean createdNow(String taskId) {
            CommandContext context = Context.getCommandContext();
            if (context == null || taskId == null) {
                return false;
            }
            CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache().getCachedEntity(TaskEntity.class, taskId);
            return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
        }
    }
}
