package org.huzhu.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the engine's due jobs the way the job executor would (it is off in tests). A claim
 * waiting for the bank is answered by the next payment batch, so runDue fires the batch
 * timer (payment-batch.bpmn, the bank simulator answering at once) and runs the claim on.
 */
public final class Jobs {

    private Jobs() {
    }

    public static void runDue(ManagementService management, String processInstanceId) {
        runInstance(management, processInstanceId);
        runPaymentBatch(management);
        runInstance(management, processInstanceId);
    }

    /** One round of payment-batch.bpmn: its timer fires now, then its steps run. */
    public static void runPaymentBatch(ManagementService management) {
        Job timer = management.createJobQuery().processDefinitionKey("payment-batch").timers().singleResult();
        management.executeJob(timer.getId());
        for (int round = 0; round < 20; round++) {
            List<Job> steps = management.createJobQuery().processDefinitionKey("payment-batch").messages().list();
            if (steps.isEmpty()) {
                return;
            }
            steps.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("payment batch jobs keep coming");
    }

    private static void runInstance(ManagementService management, String processInstanceId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }
}
