package org.huzhu.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.huzhu.claim.ApprovalFacts;
import org.huzhu.claim.AuditStage;
import org.huzhu.claim.ClaimApprovalFacts;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.springframework.stereotype.Service;

/**
 * Before a routing change goes live: replays recent claims' figures (never who they are)
 * through the live and the candidate routing, and reports how many claims would take each
 * approval path and how many league-side tasks each group would get.
 */
@Service
public class ApprovalDryRun {

    static final int DEFAULT_SAMPLE = 500;
    static final int MAX_SAMPLE = 5000;

    private final RepositoryService repository;
    private final ApprovalRouting routing;
    private final ClaimApprovalFacts facts;
    private final RevisionChecks checks;
    private final ProcessRevisions revisions;

    ApprovalDryRun(RepositoryService repository, ApprovalRouting routing, ClaimApprovalFacts facts,
                   RevisionChecks checks, ProcessRevisions revisions) {
        this.repository = repository;
        this.routing = routing;
        this.facts = facts;
        this.checks = checks;
        this.revisions = revisions;
    }

    public record Report(int sampleSize, List<PathCount> paths, List<GroupLoad> groups, List<String> warnings) {
    }

    /** One approval path (the league-side checks in order) and how many sampled claims take it. */
    public record PathCount(String path, int live, int candidate) {
    }

    /**
     * League-side tasks a group would get for the sample, live and with the candidate. Every task
     * runs on the claim's payment clock, so more tasks is more of the deadline's load on that group.
     */
    public record GroupLoad(String group, String label, int liveTasks, int candidateTasks, Double changePercent) {
    }

    public Report run(List<RevisionFile> files, Integer sample, Staff admin) {
        admin.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        Problems problems = new Problems();
        int size = sample == null ? DEFAULT_SAMPLE : sample;
        if (size < 1 || size > MAX_SAMPLE) {
            problems.add("sample", "OUT_OF_RANGE", "样本数须在1到" + MAX_SAMPLE + "之间");
        }
        if (files == null || files.isEmpty()) {
            problems.add("files", "REQUIRED", "请上传要试算的 .bpmn 或 .dmn 文件");
        }
        problems.throwIfAny();
        revisions.check(files, problems);
        problems.throwIfAny();

        ProcessDefinition live = repository.createProcessDefinitionQuery()
                .processDefinitionKey(ProcessVariables.PROCESS_KEY).latestVersion().singleResult();
        BpmnModelInstance liveProcess = repository.getBpmnModelInstance(live.getId());
        DmnDecision liveDecision = liveDecision(live)
                .orElseThrow(() -> new IllegalStateException("the live process has no approval routing"));
        BpmnModelInstance candidateProcess = liveProcess;
        DmnDecision candidateDecision = liveDecision;
        for (int i = 0; i < files.size(); i++) {
            RevisionFile file = files.get(i);
            if (file.isBpmn() && definesClaimProcess(file)) {
                candidateProcess = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
            } else if (file.isDmn()) {
                Optional<DmnDecision> decision = routing.decisionIn(new ByteArrayInputStream(file.content()));
                if (decision.isPresent()) {
                    candidateDecision = decision.get();
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        if (candidateProcess == liveProcess && candidateDecision == liveDecision) {
            warnings.add("上传的文件不涉及申领流程或审批路径决策（" + ApprovalStep.DECISION_KEY + "），试算结果与现行相同");
        }
        Map<String, String> liveGroups = leagueSideGroups(liveProcess);
        Map<String, String> candidateGroups = leagueSideGroups(candidateProcess);

        Map<String, int[]> paths = new TreeMap<>();
        Map<String, int[]> load = new TreeMap<>();
        List<ApprovalFacts> sampled = facts.recent(size);
        for (ApprovalFacts claim : sampled) {
            count(paths, load, liveGroups, routing.steps(liveDecision, claim), 0, warnings);
            count(paths, load, candidateGroups, routing.steps(candidateDecision, claim), 1, warnings);
        }
        List<PathCount> pathCounts = paths.entrySet().stream()
                .map(e -> new PathCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        List<GroupLoad> groups = load.entrySet().stream().map(e -> new GroupLoad(e.getKey(),
                Role.ofGroup(e.getKey()).map(Role::label).orElse(e.getKey()), e.getValue()[0], e.getValue()[1],
                e.getValue()[0] == 0 ? null
                        : Math.round(1000.0 * (e.getValue()[1] - e.getValue()[0]) / e.getValue()[0]) / 10.0)).toList();
        return new Report(sampled.size(), pathCounts, groups, warnings);
    }

    /**
     * Adds one claim's path: the league audit, then each routed step the process has. A step the
     * decision asks for but the process lacks is skipped there too, with a warning.
     */
    private static void count(Map<String, int[]> paths, Map<String, int[]> load, Map<String, String> groups,
                              Set<ApprovalStep> steps, int side, List<String> warnings) {
        StringBuilder path = new StringBuilder(AuditStage.LEAGUE_AUDIT.label());
        tally(load, groups.get(AuditTask.LEAGUE_AUDIT.taskDefinitionKey()), side);
        for (ApprovalStep step : ApprovalStep.values()) {
            if (!steps.contains(step)) {
                continue;
            }
            if (!groups.containsKey(step.taskDefinitionKey())) {
                String warning = (side == 0 ? "现行" : "候选") + "决策要求「" + step.label() + "」，但流程中没有该步骤（"
                        + step.taskDefinitionKey() + "），这些申请将跳过它";
                if (!warnings.contains(warning)) {
                    warnings.add(warning);
                }
                continue;
            }
            path.append(" → ").append(step.label());
            tally(load, groups.get(step.taskDefinitionKey()), side);
        }
        paths.computeIfAbsent(path.toString(), p -> new int[2])[side]++;
    }

    private static void tally(Map<String, int[]> load, String group, int side) {
        if (group != null) {
            load.computeIfAbsent(group, g -> new int[2])[side]++;
        }
    }

    /** The league-side user tasks of a process and the group each goes to. */
    private static Map<String, String> leagueSideGroups(BpmnModelInstance process) {
        Map<String, String> groups = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(List.of(AuditTask.LEAGUE_AUDIT.taskDefinitionKey()));
        for (ApprovalStep step : ApprovalStep.values()) {
            keys.add(step.taskDefinitionKey());
        }
        for (UserTask task : process.getModelElementsByType(UserTask.class)) {
            if (keys.contains(task.getId())) {
                groups.put(task.getId(), task.getCamundaCandidateGroups());
            }
        }
        return groups;
    }

    private Optional<DmnDecision> liveDecision(ProcessDefinition live) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().deploymentId(live.getDeploymentId())
                .decisionDefinitionKey(ApprovalStep.DECISION_KEY).singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        try (InputStream dmn = repository.getDecisionModel(definition.getId())) {
            return routing.decisionIn(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean definesClaimProcess(RevisionFile file) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()))
                .getModelElementById(ProcessVariables.PROCESS_KEY) != null;
    }
}
