package org.huzhu.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the passes through gateways out of the engine's activity history (ACT_HI_ACTINST): a
 * claim passes about a dozen of them (merges and the routing's yes-or-no questions), each a row
 * that says no more than the task or event after it, and together half of a claim's activity
 * history. Tasks, service tasks, events and subprocesses are recorded as before; what was decided
 * and by whom is in the claim's own tables (claim_event). A gateway's start and end are both
 * dropped, so the engine never updates a row it has not written.
 */
@Component
class GatewaysOutOfHistory extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new HistoryEventFilter(configuration.getHistoryEventHandler(),
                GatewaysOutOfHistory::recorded));
    }

    static boolean recorded(HistoryEvent event) {
        return !(event instanceof HistoricActivityInstanceEventEntity activity && activity.getActivityType() != null
                && activity.getActivityType().endsWith("Gateway"));
    }
}
