package org.huzhu.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' bank: the simulator, whose connection a test can drop once after an upload has
 * reached it, as a real line does, so that exactly once is tested against the fault without a
 * hook in the application's code. Every integration test shares it (support/HuzhuIntegrationTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class UnreliableBankConnection {

    @Bean
    @Primary
    Dropping testBank(PayoutSettings settings) {
        return new Dropping(settings);
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
