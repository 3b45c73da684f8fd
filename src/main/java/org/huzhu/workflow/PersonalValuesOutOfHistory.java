package org.huzhu.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps display-only and personal values out of the engine's history from the start, instead of
 * deleting them afterwards: no task-local variable (the claim view and the values Tasklist lists,
 * written by {@link ShowClaimOnTask}), no bank account typed into the FixAccount form, and no
 * submitted form field ({@code FormProperty} rows of {@code ACT_HI_DETAIL}, which audit level
 * writes apart from variables). Every event of such a variable is dropped, its creation, updates,
 * migration and deletion alike, so the engine never updates a history row it has not written.
 * The claim's own tables keep what the audit trail needs; the runtime variables are untouched.
 */
@Component
class PersonalValuesOutOfHistory extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // every writer of history (the database, Spring's history events) sits behind this handler
        configuration.setHistoryEventHandler(new HistoryEventFilter(configuration.getHistoryEventHandler(),
                PersonalValuesOutOfHistory::recorded));
    }

    static boolean recorded(HistoryEvent event) {
        if (event instanceof HistoricFormPropertyEventEntity) {
            return false;
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return variable.getTaskId() == null && !FixAccountTask.FIELDS.contains(variable.getVariableName());
        }
        return true;
    }
}
