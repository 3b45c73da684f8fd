package org.huzhu.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Huzhu records history at level {@code audit}; it used to record {@code full}. The engine refuses to start when the level stored in a database
 * ({@code ACT_GE_PROPERTY historyLevel}) differs from the configured one, so a database
 * written at {@code full} is moved to {@code audit} before the engine checks: that only records
 * less from now on and keeps every history row there is. Any other difference is left for the
 * engine to refuse, as it protects nodes of one cluster from disagreeing.
 */
@Component
class HistoryLevelAlignment extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelAlignment.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryLevel() == HistoryLevel.HISTORY_LEVEL_AUDIT) {
            fromFullToAudit(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
    }

    /** Returns whether the stored level was moved. */
    static boolean fromFullToAudit(DataSource dataSource, String tablePrefix) {
        String table = tablePrefix + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
                exists.setString(1, table);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return false;
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update " + table
                    + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
                update.setString(1, Integer.toString(HistoryLevel.HISTORY_LEVEL_AUDIT.getId()));
                update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
                boolean moved = update.executeUpdate() > 0;
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                if (moved) {
                    LOG.warn("History level of this database moved from full to audit, as configured; history recorded so far is kept");
                }
                return moved;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or move the engine's stored history level", e);
        }
    }
}
