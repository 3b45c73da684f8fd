package org.huzhu.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.huzhu.HuzhuApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production (no demo data) without an initial administrator refuses to start, saying what to
 * set. Started as its own JVM, the way it runs: a second Huzhu in the test JVM would unsettle
 * the shared test application's engine.
 */
class ProductionStartTest {

    @Test
    void withoutAnAdministratorHuzhuRefusesToRun() throws Exception {
        Path log = Files.createTempFile("huzhu-production-start", ".log");
        Process huzhu = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HuzhuApplication.class.getName(),
                "--spring.profiles.active=prod", "--server.port=0", "--huzhu.embedded-database.directory=",
                "--camunda.bpm.job-execution.enabled=false", "--logging.file.name=",
                "--huzhu.security.initial-admin.id=", "--huzhu.security.initial-admin.password="))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(huzhu.waitFor(240, TimeUnit.SECONDS)).as("Huzhu exits by itself").isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(huzhu.exitValue()).as(output).isNotZero();
            assertThat(output).contains("没有系统管理员", "HUZHU_ADMIN_USER", "HUZHU_ADMIN_PASSWORD");
        } finally {
            huzhu.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
