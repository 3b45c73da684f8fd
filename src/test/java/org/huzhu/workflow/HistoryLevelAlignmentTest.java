package org.huzhu.workflow;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A database an older Huzhu wrote at history level full starts at audit; history is kept. */
@HuzhuIntegrationTest
class HistoryLevelAlignmentTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDatabaseWrittenAtFullIsMovedToAudit() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistory())
                .isEqualTo("audit");
        assertThat(storedLevel()).isEqualTo("2");
        long history = jdbc.sql("select count(*) from act_hi_procinst").query(Long.class).single();

        jdbc.sql("update act_ge_property set value_ = '3' where name_ = 'historyLevel'").update();
        assertThat(HistoryLevelAlignment.fromFullToAudit(dataSource, "")).isTrue();
        assertThat(storedLevel()).isEqualTo("2");
        assertThat(HistoryLevelAlignment.fromFullToAudit(dataSource, "")).isFalse();
        assertThat(jdbc.sql("select count(*) from act_hi_procinst").query(Long.class).single()).isEqualTo(history);
    }

    private String storedLevel() {
        return jdbc.sql("select value_ from act_ge_property where name_ = 'historyLevel'").query(String.class).single();
    }
}
