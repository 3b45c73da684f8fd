package org.huzhu.inbox;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.huzhu.workflow.TaskCandidates;
import org.springframework.stereotype.Component;

/**
 * Refuses to hand a task to anyone but its candidates (a candidate user, or a member of a
 * candidate group), in the engine, so whatever the client: our API, Tasklist, /engine-rest. The
 * engine itself lets anyone who may assign a task name any user, and then grants that user the
 * task and its variables. Giving a task back (no assignee) stays allowed. Added to every user task
 * by {@link WorkItemsPlugin}, with {@link Refusals}, so a refusal answers 403 on the engine's REST APIs.
 */
@Component
class AssignOnlyToCandidates implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !TaskCandidates.isCandidate(task, assignee)) {
            throw new Refused("只能把任务交给它的候选人：" + assignee + " 不在任务“" + task.getName() + "”的候选人之列");
        }
    }

    /** A hand-over refused: the engine's REST APIs answer an {@link AuthorizationException} with 403. */
    static final class Refused extends AuthorizationException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The engine wraps whatever a task listener throws into a plain ProcessEngineException, which
     * its REST APIs answer with 500: this puts the refusal itself back in its place.
     */
    static final class Refusals extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof Refused refused) {
                        throw refused;
                    }
                }
                throw e;
            }
        }
    }
}
