package org.huzhu.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.huzhu.support.Api;
import org.huzhu.support.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database taken away under requests, as when PostgreSQL is stopped: requests answer a
 * 503 problem within seconds instead of hanging, health says DOWN at once, and the app
 * carries on by itself when the database is back. The app talks to a server database
 * (its own embedded PostgreSQL here) through a relay the test can cut.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabaseOutageTest {

    /** DECISIONS: the behaviour is tested with a generous bound. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static EmbeddedPostgres postgres;
    private static TcpProxy proxy;

    @Autowired
    TestRestTemplate rest;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "Asia/Shanghai").start();
        proxy = new TcpProxy(postgres.getPort());
        properties.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres");
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("huzhu.security.initial-admin.id", () -> "admin");
        properties.add("huzhu.security.initial-admin.password", () -> "demo");
        // Engines are registered by name for the whole JVM, and Tasklist and /engine-rest look them
        // up so: under "default", this context's engine, whose database goes away, would answer for
        // the shared test application's webapps whenever this test ran after it was started.
        properties.add("camunda.bpm.process-engine-name", () -> "outage");
    }

    /**
     * The engine leaves the JVM's registry, so the shared application's webapps list only their
     * own engine again. The context stays open: closing it stopped the webapps of every later test.
     */
    @AfterAll
    static void stop() throws IOException {
        ProcessEngine outage = ProcessEngines.getProcessEngine("outage");
        if (outage != null) {
            ProcessEngines.unregister(outage);
        }
        proxy.close();
        postgres.close();
    }

    @Test
    void withTheDatabaseAwayRequestsFailFastHealthIsDownAndAllComesBackByItself() throws IOException {
        Api api = new Api(rest);
        assertThat(api.get("admin", "/api/schemes").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);

        proxy.cut();
        Instant asked = Instant.now();
        Api.Answer refused = api.get("admin", "/api/schemes");
        assertThat(Duration.between(asked, Instant.now())).isLessThan(BOUND);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(refused.body().get("detail").asText()).contains("数据库暂时无法访问");
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("5");

        // a password that cannot be checked is no wrong password: 503, not 401
        ResponseEntity<String> unchecked = rest.withBasicAuth("admin", "not-remembered")
                .getForEntity("/api/schemes", String.class);
        assertThat(unchecked.getStatusCode().value()).isEqualTo(503);
        assertThat(unchecked.getBody()).contains("DATABASE_UNAVAILABLE");

        asked = Instant.now();
        Api.Answer health = api.get(null, "/actuator/health");
        assertThat(Duration.between(asked, Instant.now())).isLessThan(BOUND);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().get("status").asText()).isEqualTo("DOWN");

        proxy.restore();
        Instant back = Instant.now();
        int status = 0;
        while (status != 200 && Duration.between(back, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            status = api.get("admin", "/api/schemes").status();
        }
        assertThat(status).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }
}
