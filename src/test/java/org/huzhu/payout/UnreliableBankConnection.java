package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' bank: the application's own simulator (its {@code bank} bean), given a connection
 * that a test can drop once after an upload has reached the bank, as a real line does, so that
 * exactly once is tested against the fault without a hook in the application's code. There is
 * one bank, as in the application. Every integration test shares it (support/HuzhuIntegrationTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class UnreliableBankConnection {

    /**
     * Puts the dropping connection in place of the application's simulator. Static, and asking for
     * the settings only when the bank is made, as a post-processor made before all other beans must.
     */
    @Bean
    static BeanPostProcessor droppingConnection(ObjectProvider<PayoutSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof SimulatedBank && !(bean instanceof Dropping) ? new Dropping(settings.getObject())
                        : bean;
            }
        };
    }

    /** The simulator with a connection that can drop. */
    public static class Dropping extends SimulatedBank {

        private final AtomicBoolean dropNextAnswer = new AtomicBoolean();

        Dropping(PayoutSettings settings) {
            super(settings.inbox(), settings.directory().resolve("simulator"), settings.returnedAccounts());
        }

        /** The next upload reaches the bank but the connection drops before Huzhu hears back. */
        public void dropConnectionAfterNextUpload() {
            dropNextAnswer.set(true);
        }

        @Override
        public void send(Path batchFile) {
            super.send(batchFile);
            if (dropNextAnswer.getAndSet(false)) {
                throw new UncheckedIOException(new IOException("模拟银行：批次已上传，连接中断"));
            }
        }
    }
}
