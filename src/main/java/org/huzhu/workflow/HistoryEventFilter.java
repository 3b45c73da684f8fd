package org.huzhu.workflow;

import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/** Hands on to the next handler only the history events that are kept; the others are never written. */
record HistoryEventFilter(HistoryEventHandler next, Predicate<HistoryEvent> kept) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (kept.test(event)) {
            next.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        next.handleEvents(events.stream().filter(kept).toList());
    }
}
