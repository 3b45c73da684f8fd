package org.huzhu.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.huzhu.support.BrowserScript;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in a real headless Chromium under the app's Content-Security-Policy, signed in as a
 * clerk: src/test/browser/swagger-ui.cjs. It fails on any script error or anything the policy
 * refuses, so a Swagger UI upgrade that needs inline code shows here.
 */
@HuzhuIntegrationTest
class SwaggerUiBrowserTest {

    private static final Path SCREENSHOT = Path.of("target/swagger-ui.png");

    @LocalServerPort
    int port;

    @Test
    void staffReadTheDescriptionAndTryItOutInSwaggerUi() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        String output = BrowserScript.run("swagger-ui.cjs", Map.of("BASE_URL", "http://localhost:" + port,
                "HUZHU_USER", "clerk", "HUZHU_PASSWORD", "demo", "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));
        assertThat(output).contains("swagger ui ok");
        assertThat(SCREENSHOT).isNotEmptyFile();
    }
}
