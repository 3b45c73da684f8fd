package org.huzhu.bench;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.huzhu.support.Statements;
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

    private final ProcessEngine engine;
    private final Statements statements;

    BareEngine(ProcessEngine engine, Statements statements) {
        this.engine = engine;
        this.statements = statements;
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
     * full, removal time at the end, plain job acquisition), on its own pool and schema, its
     * statements counted as Huzhu's are.
     */
    static ProcessEngine withCamundaDefaults(DataSource huzhuDataSource, JdbcClient jdbc, Statements statements) {
        jdbc.sql("create schema if not exists " + DEFAULTS_SCHEMA).update();
        HikariDataSource huzhu = hikari(huzhuDataSource);
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(huzhu.getJdbcUrl());
        pool.setUsername(huzhu.getUsername());
        pool.setPassword(huzhu.getPassword());
        pool.setMaximumPoolSize(huzhu.getMaximumPoolSize());
        pool.setConnectionInitSql("set search_path to " + DEFAULTS_SCHEMA);
        pool.setPoolName(DEFAULTS_SCHEMA);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(DEFAULTS_SCHEMA);
        configuration.setDataSource(statements.counted(pool));
        configuration.setDatabaseSchema(DEFAULTS_SCHEMA);
        configuration.setDatabaseTablePrefix(DEFAULTS_SCHEMA + ".");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        return configuration.buildProcessEngine();
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    double instancesPerSecond(int workers, int instances) {
        return Workers.perSecond(workers, instances, worker -> oneInstance());
    }

    void oneInstance() {
        statements.step(Lifecycle.Step.SUBMIT.label());
        String id = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
        for (Lifecycle.Step audit : List.of(Lifecycle.Step.AGENCY_DECISION, Lifecycle.Step.LEAGUE_DECISION)) {
            statements.step(audit.label());
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
            engine.getTaskService().complete(task.getId());
        }
        // the job executor's statements count towards the payout; the polling does not count
        statements.step(null);
        Workers.await("bare instance " + id + " ended",
                () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() == 0);
    }
}
