package org.huzhu.sla;

import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SLA figures for Prometheus ({@code /actuator/prometheus}): open claims by state, read from
 * the clocks' roll-up at each scrape; escalations raised and claims paid, counted as they happen.
 */
@Component
public class SlaMetrics {

    private final MeterRegistry registry;

    SlaMetrics(MeterRegistry registry, ObjectProvider<SlaTallies> reports) {
        this.registry = registry;
        gauge(reports, "huzhu.sla.open.claims", "on_track", OpenClaims::onTrack);
        gauge(reports, "huzhu.sla.open.claims", "at_risk", OpenClaims::atRisk);
        gauge(reports, "huzhu.sla.open.claims", "breached", OpenClaims::breached);
        gauge(reports, "huzhu.sla.open.claims.over.stage.budget", null, OpenClaims::overBudget);
    }

    void paid(int workingDays, boolean inTime) {
        afterCommit(() -> {
            Counter.builder("huzhu.sla.claims.paid").description("Claims paid, within the deadline or not")
                    .tag("in_time", Boolean.toString(inTime)).register(registry).increment();
            DistributionSummary.builder("huzhu.sla.working.days.to.pay")
                    .description("Working days from complete materials to payment").register(registry)
                    .record(workingDays);
        });
    }

    void escalated(EscalationKind kind) {
        afterCommit(() -> Counter.builder("huzhu.sla.escalations").description("Escalations raised by the claim process")
                .tag("kind", kind.name()).register(registry).increment());
    }

    /** A job that fails after this point is rolled back and run again: count only what committed. */
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    /** The reports are looked up at each scrape: they are built after this bean. */
    private void gauge(ObjectProvider<SlaTallies> reports, String name, String state,
                       ToLongFunction<OpenClaims> count) {
        Gauge.Builder<ObjectProvider<SlaTallies>> gauge = Gauge.builder(name, reports,
                r -> count.applyAsLong(r.getObject().openTotals())).description("Open claims whose payment clock runs")
                // held weakly by default: the provider was collected and the gauge read NaN
                .strongReference(true);
        if (state != null) {
            gauge.tag("state", state);
        }
        gauge.register(registry);
    }
}
