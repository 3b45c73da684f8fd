package org.huzhu.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.huzhu.HuzhuApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * Huzhu as it is run: its own JVM on the test classpath, with the given command-line arguments
 * and nothing of the tests' configuration, its output in a log file that stays to be read.
 * For starts that a second Huzhu in the test JVM would spoil (another engine beside the shared
 * one) or that must really die.
 */
public final class HuzhuProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private HuzhuProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Huzhu on the HTTP port; answers at once, before it is up. */
    public static HuzhuProcess start(int port, Path log, String... arguments) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the quick compiler alone: a test's short run on shared cores starts sooner without the second
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-cp", classpath, HuzhuApplication.class.getName(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new HuzhuProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(),
                port, log);
    }

    /** Waits until health answers UP; fails with the end of the log when Huzhu exits or takes longer. */
    public HuzhuProcess awaitHealthy(Duration bound) throws IOException, InterruptedException {
        Api api = api("");
        Instant started = Instant.now();
        while (Duration.between(started, Instant.now()).compareTo(bound) < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("Huzhu exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (api.get(null, "/actuator/health").status() == 200) {
                    return this;
                }
            } catch (IllegalStateException notListeningYet) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Huzhu did not become healthy within " + bound + ":\n" + tail());
    }

    /** Our API on this Huzhu, every user signing in with the password. */
    public Api api(String password) {
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)), password);
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops it as an operator would (SIGTERM), so the embedded database shuts down with it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
