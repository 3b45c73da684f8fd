package org.huzhu.inbox;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches to every user task the engine parses, as built-in listeners that no revision can drop:
 * {@link OfferToOtherAuditors} on the second audit, then {@link AssignOnlyToCandidates} and
 * {@link KeepWorkItems}.
 */
@Component
class WorkItemsPlugin extends AbstractProcessEnginePlugin {

    private final KeepWorkItems keepWorkItems;
    private final AssignOnlyToCandidates assignOnlyToCandidates;
    private final OfferToOtherAuditors offerToOtherAuditors;

    WorkItemsPlugin(KeepWorkItems keepWorkItems, AssignOnlyToCandidates assignOnlyToCandidates,
                    OfferToOtherAuditors offerToOtherAuditors) {
        this.keepWorkItems = keepWorkItems;
        this.assignOnlyToCandidates = assignOnlyToCandidates;
        this.offerToOtherAuditors = offerToOtherAuditors;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                if (OfferToOtherAuditors.appliesTo(activity.getId())) {
                    offerToOtherAuditors.takeOver(task);
                }
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignOnlyToCandidates);
                for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                        TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
                    task.addBuiltInTaskListener(event, keepWorkItems);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new AssignOnlyToCandidates.Refusals());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
