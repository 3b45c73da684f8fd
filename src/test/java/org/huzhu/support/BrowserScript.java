package org.huzhu.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a Playwright script from src/test/browser in Debian's headless Chromium against the
 * running app. Needs chromium, node and {@code npm ci --prefix .ci}; without them the test
 * fails and says what to install, it never passes silently.
 */
public final class BrowserScript {

    private static final Path NODE_MODULES = Path.of(".ci/node_modules");

    private BrowserScript() {
    }

    /** Runs the script with the environment; answers its output after asserting it exited 0. */
    public static String run(String script, Map<String, String> environment) throws InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is needed at " + chromium + " for browser tests: apt-get install -y chromium");
        }
        if (!Files.isDirectory(NODE_MODULES.resolve("playwright-core"))) {
            fail("playwright-core is missing from .ci/node_modules: run npm ci --prefix .ci");
        }
        ProcessBuilder node = new ProcessBuilder("node", Path.of("src/test/browser", script).toString())
                .redirectErrorStream(true);
        node.environment().put("NODE_PATH", NODE_MODULES.toAbsolutePath().toString());
        node.environment().put("CHROMIUM", chromium.toString());
        node.environment().putAll(environment);
        Process run;
        try {
            run = node.start();
        } catch (IOException e) {
            throw new AssertionError("node is needed for browser tests (apt-get install -y nodejs): " + e.getMessage(), e);
        }
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            fail(script + " did not finish in 120 s");
        }
        String output;
        try {
            output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(run.exitValue()).as(output).isZero();
        return output;
    }

    /** The line of a script's output that starts with the prefix (what the script printed about one thing). */
    public static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(output));
    }
}
