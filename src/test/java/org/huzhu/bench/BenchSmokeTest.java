package org.huzhu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's small mode runs every scenario to the end; its figures are not judged here.
 * It starts a second application and two bare engines, so it runs apart from the suite:
 * {@code ./mvnw -B test -Pbench-smoke} (CI runs both).
 */
@Tag("bench")
class BenchSmokeTest {

    @Test
    void everyScenarioCompletes(@TempDir Path folder) throws Exception {
        Map<String, Object> results = Bench.run("small", folder);

        assertThat(results).containsKeys("lifecycle_claims_per_s", "bare_instances_per_s", "lifecycle_vs_bare",
                "lifecycle_vs_bare_defaults", "tasklist_p95_ms", "claim_detail_p95_ms", "submit_p95_ms",
                "sla_views_p95_ms", "statistics_views_p95_ms", "quote_per_s", "dataset", "database",
                "lifecycle_vs_stock_rest", "statements_per_claim", "bare_statements_per_instance",
                "statements_per_claim_ratio", "statements_per_step");
        assertThat(folder.resolve("results.json")).exists();
    }
}
