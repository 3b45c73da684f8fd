package org.huzhu.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} Huzhu starts its own PostgreSQL, so a fresh machine
 * needs nothing. The data directory survives restarts unless it is left empty (tests),
 * in which case a throw-away directory is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${huzhu.embedded-database.directory:}") String directory,
                                      @Value("${huzhu.embedded-database.port:0}") int port,
                                      @Value("${huzhu.embedded-database.durable:true}") boolean durable) throws IOException {
        boolean throwAway = directory.isBlank();
        Path dataDirectory = throwAway ? Files.createTempDirectory("huzhu-pg") : earlierLayout(Path.of(directory).toAbsolutePath());
        Files.createDirectories(dataDirectory);
        OrphanedPostmaster.stopIfRunning(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(throwAway)
                // Spring closes it after the engine and the pool; a JVM hook would kill it first.
                .setRegisterShutdownHook(false)
                .setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        // The embedded server's own defaults are for tests (fsync off): the default keeps real claims.
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}{}", postgres.getPort(), dataDirectory,
                throwAway ? " (discarded at exit)" : "");
        return postgres;
    }

    /**
     * HUZHU_DATA_DIR used to name the PostgreSQL folder itself; it now names the folder of all
     * the app keeps, with the database in postgres/ below it. A database found where the old
     * setting put it is used there, so an upgrade never starts on an empty one.
     */
    private static Path earlierLayout(Path directory) {
        Path parent = directory.getParent();
        if (!Files.exists(directory.resolve("PG_VERSION")) && parent != null && Files.exists(parent.resolve("PG_VERSION"))) {
            log.warn("The database is in {} (HUZHU_DATA_DIR named it before Huzhu kept everything under one folder); "
                    + "move it to {} or set HUZHU_DB_DIR", parent, directory);
            return parent;
        }
        return directory;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql,
                          @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout,
                          @Value("${spring.datasource.hikari.validation-timeout:1000}") long validationTimeout) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(connectionTimeout);
        config.setValidationTimeout(validationTimeout);
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("huzhu-embedded");
        if (!initSql.isBlank()) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }
}
