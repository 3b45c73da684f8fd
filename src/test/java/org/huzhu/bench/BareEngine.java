package org.huzhu.bench;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario 2: a process of the claim's shape (start, service task, two user tasks, an
 * asynchronous payout and a notification, end) with no-op delegates, driven straight
 * through the engine's Java API. Run on Huzhu's own engine it has Huzhu's settings; a second
 * engine with Camunda's defaults keeps its tables in schema {@code bare_defaults} of the same
 * database, since one set of tables holds one history level.
 */
final class BareEngine {

    static final String KEY = "bench-bare";
    static final String DEFAULTS_SCHEMA = "bare_defaults";
    private static final long END_TIMEOUT_MS = 60_000;

    private final ProcessEngine engine;

    BareEngine(ProcessEngine engine) {
        this.engine = engine;
        engine.getRepositoryService().createDeployment().name(KEY).enableDuplicateFiltering(true)
                .addModelInstance(KEY + ".bpmn", model()).deploy();
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Check").camundaClass(NoOp.class)
                .userTask("FirstAudit").camundaCandidateGroups(KEY)
                .userTask("SecondAudit").camundaCandidateGroups(KEY)
                .serviceTask("Pay").camundaAsyncBefore().camundaClass(NoOp.class)
                .serviceTask("Notify").camundaClass(NoOp.class)
                .endEvent()
                .done();
    }

    /**
     * An engine as the Camunda Spring Boot starter configures it out of the box (history
     * full, removal time at the end, plain job acquisition), on its own pool and schema.
     */
    static ProcessEngine withCamundaDefaults(DataSource huzhuDataSource, JdbcClient jdbc) {
        jdbc.sql("create schema if not exists " + DEFAULTS_SCHEMA).update();
        HikariDataSource huzhu = (HikariDataSource) huzhuDataSource;
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(huzhu.getJdbcUrl());
        pool.setUsername(huzhu.getUsername());
        pool.setPassword(huzhu.getPassword());
        pool.setMaximumPoolSize(huzhu.getMaximumPoolSize());
        pool.setConnectionInitSql("set search_path to " + DEFAULTS_SCHEMA);
        pool.setPoolName(DEFAULTS_SCHEMA);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(DEFAULTS_SCHEMA);
        configuration.setDataSource(pool);
        configuration.setDatabaseSchema(DEFAULTS_SCHEMA);
        configuration.setDatabaseTablePrefix(DEFAULTS_SCHEMA + ".");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        return configuration.buildProcessEngine();
    }

    double instancesPerSecond(int workers, int instances) {
        return Workers.perSecond(workers, instances, worker -> oneInstance());
    }

    private void oneInstance() {
        String id = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
        for (int audit = 0; audit < 2; audit++) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
            engine.getTaskService().complete(task.getId());
        }
        long deadline = System.currentTimeMillis() + END_TIMEOUT_MS;
        while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("bare instance " + id + " did not end within " + END_TIMEOUT_MS + " ms");
            }
            Workers.pause(10);
        }
    }
}
