package org.huzhu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.huzhu.payout.UnreliableBankConnection;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a throw-away embedded PostgreSQL with the demo data, shared by
 * every test class that uses it. Jobs run when a test says so. Metrics are exported as in
 * production, so /actuator/prometheus can be tested. The bank is the simulator, whose
 * connection a test may drop ({@link UnreliableBankConnection}). The DataSource counts statements
 * for a test that measures them ({@link Statements}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import({UnreliableBankConnection.class, Statements.class})
public @interface HuzhuIntegrationTest {
}
