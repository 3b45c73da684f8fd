package org.huzhu.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The bare process's service tasks: nothing but the engine's own bookkeeping. */
public class NoOp implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // nothing: the bare engine is the baseline
    }
}
