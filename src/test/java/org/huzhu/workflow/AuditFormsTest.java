package org.huzhu.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.huzhu.claim.Decision;
import org.huzhu.claim.RejectionCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tasklist forms of the audit tasks offer what the workbench offers: each form that may
 * reject asks for the rejection's category under the variable the decision is read from, with
 * every category and no other, shown only while 驳回 is chosen.
 */
class AuditFormsTest {

    @Test
    void everyFormThatRejectsAsksForTheCategory() throws IOException {
        List<String> checked = new ArrayList<>();
        for (AuditTask task : AuditTask.values()) {
            if (!task.stage().allows(Decision.REJECT)) {
                continue;
            }
            JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms", formOf(task) + ".form")));
            JsonNode category = component(form, task.categoryVariable());
            assertThat(category).as("%s has a field %s", task, task.categoryVariable()).isNotNull();
            assertThat(category.get("type").asText()).isEqualTo("select");
            assertThat(category.get("values").findValuesAsText("value"))
                    .containsExactly(Arrays.stream(RejectionCategory.values()).map(Enum::name).toArray(String[]::new));
            assertThat(category.get("values").findValuesAsText("label"))
                    .containsExactly(Arrays.stream(RejectionCategory.values()).map(RejectionCategory::label)
                            .toArray(String[]::new));
            assertThat(category.at("/conditional/hide").asText()).isEqualTo("=" + task.outcomeVariable() + " != \"REJECT\"");
            assertThat(component(form, task.outcomeVariable()).get("values").findValuesAsText("value")).contains("REJECT");
            checked.add(task.name());
        }
        assertThat(checked).containsExactly("AGENCY_CHECK", "LEAGUE_AUDIT", "SECOND_AUDIT", "LEAGUE_HEAD_APPROVAL",
                "COMMITTEE_REVIEW");
    }

    /** The form's file: the task definition key in kebab case (AgencyCheck: agency-check.form). */
    private static String formOf(AuditTask task) {
        return task.taskDefinitionKey().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.get("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }
}
