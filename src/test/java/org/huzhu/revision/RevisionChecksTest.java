package org.huzhu.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.support.HuzhuIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload lint on its own, against what is deployed: every reason a revision cannot go live,
 * all at once, each naming the file and the element. What could run code is
 * {@link RevisionCodeExecutionTest}'s; unnamed steps, unknown forms and delegates, and DMN are
 * in {@link ProcessRevisionApiTest}.
 */
@HuzhuIntegrationTest
class RevisionChecksTest {

    @Autowired
    ProcessRevisions revisions;

    String shipped;

    @BeforeEach
    void readShippedProcess() throws IOException {
        shipped = Files.readString(Path.of("processes/claim-lifecycle.bpmn"), StandardCharsets.UTF_8);
    }

    @Test
    void everyLintFindingOfAProcessIsReportedAtOnceNamingItsElement() {
        String broken = shipped
                .replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${leagueAuditOutcome == 'REJECT'}"
                        + "</bpmn:conditionExpression>\n      </bpmn:sequenceFlow>\n    </bpmn:subProcess>",
                        "</bpmn:sequenceFlow>\n    </bpmn:subProcess>")
                .replaceAll("(?s)<bpmndi:BPMNShape id=\"NotifyMember_di\".*?</bpmndi:BPMNShape>", "")
                .replace("<bpmn:startEvent id=\"ClaimSubmitted\"", "<bpmn:manualTask id=\"Forgotten\" name=\"遗忘的步骤\" />"
                        + "\n    <bpmn:startEvent id=\"ClaimSubmitted\"")
                .replace("camunda:candidateGroups=\"league-head\"", "camunda:candidateGroups=\"\"")
                .replace("camunda:candidateGroups=\"committee\"", "camunda:candidateGroups=\"no-such-board\"")
                .replace("camunda:candidateGroups=\"agency-auditor-${agencyCode}\"", "camunda:candidateGroups=\"nobody-${agencyCode}\"")
                .replace("camunda:decisionRef=\"approval-routing\"", "camunda:decisionRef=\"no-such-routing\"");
        assertThat(broken).isNotEqualTo(shipped);

        List<FieldProblem> problems = problemsOf(Map.of("claim-lifecycle.bpmn", broken));

        assertThat(problems).extracting(FieldProblem::field).containsOnly("files[0]");
        assertThat(messages(problems, "LINT_CONDITION_REQUIRED")).singleElement().asString()
                .contains("claim-lifecycle.bpmn", "Flow_LeagueReject", "既没有条件也不是默认分支");
        assertThat(messages(problems, "LINT_NO_DIAGRAM")).anyMatch(m -> m.contains("步骤 NotifyMember 不在流程图上"))
                .anyMatch(m -> m.contains("步骤 Forgotten 不在流程图上"));
        assertThat(messages(problems, "LINT_DISCONNECTED")).singleElement().asString().contains("Forgotten", "没有连线");
        assertThat(messages(problems, "NO_CANDIDATE_GROUP")).singleElement().asString().contains("LeagueHeadApproval");
        // a pattern must match some group
        assertThat(messages(problems, "UNKNOWN_GROUP")).hasSize(2)
                .anyMatch(m -> m.contains("CommitteeReview") && m.contains("no-such-board"))
                .anyMatch(m -> m.contains("AgencyCheck") && m.contains("nobody-${agencyCode}"));
        assertThat(messages(problems, "UNKNOWN_DECISION")).singleElement().asString().contains("RouteApproval", "no-such-routing");
    }

    @Test
    void filesTheParsersCannotReadAreRefusedByName() {
        List<FieldProblem> problems = problemsOf(Map.of(
                "claim-lifecycle.bpmn", shipped.substring(0, shipped.length() / 2),
                "notes.bpmn", "<notes>not a process</notes>",
                "fix-account.form", "{\"components\": []}"));
        assertThat(problems).extracting(p -> p.code() + " " + p.message()).contains(
                "UNREADABLE_XML claim-lifecycle.bpmn：XML 格式有误",
                "UNREADABLE_BPMN notes.bpmn：BPMN 无法解析",
                "UNREADABLE_FORM fix-account.form：不是有效的 Camunda 表单（缺少 id）");
    }

    private List<FieldProblem> problemsOf(Map<String, String> files) {
        List<RevisionFile> uploaded = new ArrayList<>();
        files.forEach((name, content) -> uploaded.add(new RevisionFile(name, content.getBytes(StandardCharsets.UTF_8))));
        Problems problems = new Problems();
        revisions.check(uploaded, problems);
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private static List<String> messages(List<FieldProblem> problems, String code) {
        return problems.stream().filter(p -> p.code().equals(code)).map(FieldProblem::message).toList();
    }
}
