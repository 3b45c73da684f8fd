package org.huzhu.revision;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.huzhu.claim.ApprovalFacts;
import org.huzhu.platform.Problems;
import org.huzhu.workflow.ApprovalStep;
import org.springframework.stereotype.Component;

/**
 * What a revision must pass before it is deployed: nothing in it may run code
 * ({@link RevisionSafety}); every file parses; every form, decision and candidate group it names exists; and its BPMN keeps the project's lint rules
 * (names on every step, a condition or default on every branch, a diagram for every element,
 * a history time to live).
 */
@Component
class RevisionChecks {

    private static final Pattern ANY_EXPRESSION = Pattern.compile("\\$\\{[^}]*}");
    private static final String PROCESS = "process:";
    private static final String DECISION = "decision:";
    private static final String FORM = "form:";

    private final RevisionSafety safety;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final RoutingDecisions routing;

    RevisionChecks(RevisionSafety safety, RepositoryService repository, IdentityService identity, ObjectMapper json,
                   RoutingDecisions routing) {
        this.safety = safety;
        this.repository = repository;
        this.identity = identity;
        this.json = json;
        this.routing = routing;
    }

    /**
     * Checks the files against each other and against what stays deployed beside them. What
     * could run code is looked for in every file first; the files are read by the engine's
     * parsers after that, and the routing decision is evaluated only when every check passed.
     */
    void check(List<RevisionFile> files, Map<String, String> kept, Problems problems) {
        boolean[] safe = new boolean[files.size()];
        for (int i = 0; i < files.size(); i++) {
            RevisionFile file = files.get(i);
            safe[i] = !(file.isBpmn() || file.isDmn()) || safety.check(file, "files[" + i + "]", problems);
        }
        Map<String, String> definedBy = new HashMap<>(kept);
        Set<String> formIds = new HashSet<>();
        kept.keySet().stream().filter(key -> key.startsWith(FORM)).forEach(key -> formIds.add(key.substring(FORM.length())));
        Set<String> decisionIds = new HashSet<>();
        repository.createDecisionDefinitionQuery().latestVersion().list().forEach(d -> decisionIds.add(d.getKey()));
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RevisionFile file = files.get(i);
            String field = "files[" + i + "]";
            if (file.isForm()) {
                formId(file.content()).ifPresentOrElse(id -> {
                    formIds.add(id);
                    claim(definedBy, FORM + id, file, field, problems);
                }, () -> problems.add(field, "UNREADABLE_FORM", file.filename() + "：不是有效的 Camunda 表单（缺少 id）"));
            } else if (file.isDmn()) {
                checkDecisions(file, field, safe[i], decisionIds, definedBy, problems).ifPresent(trials::add);
            } else if (!file.isBpmn()) {
                problems.add(field, "UNSUPPORTED_FILE", file.filename() + "：只能上传 .bpmn、.dmn 或 .form 文件");
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).isBpmn()) {
                checkProcess(files.get(i), "files[" + i + "]", formIds, decisionIds, definedBy, problems);
            }
        }
        if (problems.isEmpty()) {
            trials.forEach(trial -> tryOut(trial, problems));
        }
    }

    /**
     * A DMN file must parse, transform in the engine and keep its history for a set time; a file
     * that could run code is only read as a model. Gives the approval routing to try out, if it has it.
     */
    private Optional<Trial> checkDecisions(RevisionFile file, String field, boolean safe, Set<String> decisionIds,
                                           Map<String, String> definedBy, Problems problems) {
        DmnModelInstance dmn;
        List<DmnDecision> decisions;
        try {
            dmn = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
            decisions = safe ? routing.parse(dmn) : List.of();
        } catch (RuntimeException e) {
            problems.add(field, "UNREADABLE_DMN", file.filename() + "：DMN 无法解析（" + e.getMessage() + "）");
            return Optional.empty();
        }
        for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
            decisionIds.add(decision.getId());
            claim(definedBy, DECISION + decision.getId(), file, field, problems);
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(field, "NO_HISTORY_TIME_TO_LIVE", file.filename() + "：决策 " + decision.getId() + " 缺少历史保留期限");
            }
        }
        return RoutingDecisions.routingDecision(decisions).map(decision -> new Trial(file, field, decision));
    }

    /** An uploaded approval routing, to try out once every check passed. */
    private record Trial(RevisionFile file, String field, DmnDecision decision) {
    }

    /** Tries the routing on a small and a large claim: it must give only steps the process knows. */
    private void tryOut(Trial trial, Problems problems) {
        try {
            routing.steps(trial.decision(), new ApprovalFacts(BigDecimal.ZERO, "INPATIENT", "EXPENSE", false));
            routing.steps(trial.decision(), new ApprovalFacts(new BigDecimal("100000.00"), "INPATIENT", "LUMP_SUM", true));
        } catch (IllegalArgumentException e) {
            problems.add(trial.field(), "UNKNOWN_APPROVAL_STEP", trial.file().filename() + "：审批路径只能增加 "
                    + java.util.Arrays.toString(ApprovalStep.values()) + " 这些环节");
        } catch (RuntimeException e) {
            problems.add(trial.field(), "DMN_EVALUATION_FAILED", trial.file().filename() + "：审批路径决策无法试算（"
                    + e.getMessage() + "）");
        }
    }

    /**
     * What the named resources of a deployment define, as {@code process:id}, {@code decision:id}
     * and {@code form:id}, each with the resource that defines it.
     */
    Map<String, String> definitionsOf(String deploymentId, Collection<String> resourceNames) {
        Map<String, String> definitions = new HashMap<>();
        repository.createProcessDefinitionQuery().deploymentId(deploymentId).list().stream()
                .filter(d -> resourceNames.contains(d.getResourceName()))
                .forEach(d -> definitions.put(PROCESS + d.getKey(), d.getResourceName()));
        repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list().stream()
                .filter(d -> resourceNames.contains(d.getResourceName()))
                .forEach(d -> definitions.put(DECISION + d.getKey(), d.getResourceName()));
        for (String name : resourceNames) {
            if (name.endsWith(".form")) {
                try (var in = repository.getResourceAsStream(deploymentId, name)) {
                    formId(in.readAllBytes()).ifPresent(id -> definitions.put(FORM + id, name));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("deployed form cannot be read: " + name, e);
                }
            }
        }
        return definitions;
    }

    /**
     * The engine refuses a deployment in which two resources define the same process, decision
     * or form: a revision replaces a file by uploading it under the same name.
     */
    private static void claim(Map<String, String> definedBy, String key, RevisionFile file, String field,
                              Problems problems) {
        String other = definedBy.putIfAbsent(key, file.resourceName());
        if (other != null && !other.equals(file.resourceName())) {
            String id = key.substring(key.indexOf(':') + 1);
            problems.add(field, "DUPLICATE_DEFINITION", file.filename() + "：" + id + " 已由 "
                    + other.substring(other.indexOf('/') + 1) + " 定义；要替换它，请以同一文件名上传");
        }
    }

    private void checkProcess(RevisionFile file, String field, Set<String> formIds, Set<String> decisionIds,
                              Map<String, String> definedBy, Problems problems) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
            Bpmn.validateModel(model);
        } catch (RuntimeException e) {
            problems.add(field, "UNREADABLE_BPMN", file.filename() + "：BPMN 无法解析");
            return;
        }
        String name = file.filename();
        for (Process process : model.getModelElementsByType(Process.class)) {
            claim(definedBy, PROCESS + process.getId(), file, field, problems);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            if (formRef != null && !formIds.contains(formRef)) {
                problems.add(field, "UNKNOWN_FORM", name + " 的 " + label(task) + " 引用的表单不存在：" + formRef);
            }
            String groups = task.getCamundaCandidateGroups();
            if (groups == null || groups.isBlank()) {
                problems.add(field, "NO_CANDIDATE_GROUP", name + " 的 " + label(task) + " 没有指定审核组");
            } else {
                for (String group : groups.split(",")) {
                    if (!groupExists(group.strip())) {
                        problems.add(field, "UNKNOWN_GROUP", name + " 的 " + label(task) + " 的审核组不存在：" + group.strip());
                    }
                }
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String decision = task.getCamundaDecisionRef();
            if (decision != null && !ANY_EXPRESSION.matcher(decision).find() && !decisionIds.contains(decision)) {
                problems.add(field, "UNKNOWN_DECISION", name + " 的 " + label(task) + " 引用的决策不存在：" + decision);
            }
        }
        lint(model, name, field, problems);
    }

    private void lint(BpmnModelInstance model, String name, String field, Problems problems) {
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getName() == null || node.getName().isBlank()) {
                problems.add(field, "LINT_LABEL_REQUIRED", name + "：步骤 " + node.getId() + " 没有名称");
            }
            if (!drawn.contains(node.getId())) {
                problems.add(field, "LINT_NO_DIAGRAM", name + "：步骤 " + node.getId() + " 不在流程图上");
            }
            if (node.getIncoming().isEmpty() && node.getOutgoing().isEmpty()) {
                problems.add(field, "LINT_DISCONNECTED", name + "：步骤 " + node.getId() + " 没有连线");
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!drawn.contains(flow.getId())) {
                problems.add(field, "LINT_NO_DIAGRAM", name + "：连线 " + flow.getId() + " 不在流程图上");
            }
        }
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                for (SequenceFlow flow : gateway.getOutgoing()) {
                    if (flow.getConditionExpression() == null && flow != gateway.getDefault()) {
                        problems.add(field, "LINT_CONDITION_REQUIRED",
                                name + "：分支 " + flow.getId() + " 既没有条件也不是默认分支");
                    }
                }
            }
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(field, "NO_HISTORY_TIME_TO_LIVE", name + "：流程 " + process.getId() + " 缺少历史保留期限");
            }
        }
    }

    /** A group id, or a pattern such as {@code agency-auditor-${agencyCode}} some group matches. */
    private boolean groupExists(String group) {
        if (!ANY_EXPRESSION.matcher(group).find()) {
            return identity.createGroupQuery().groupId(group).count() > 0;
        }
        Pattern pattern = Pattern.compile(String.join(".+", List.of(ANY_EXPRESSION.split(group, -1)).stream()
                .map(Pattern::quote).toList()));
        return identity.createGroupQuery().list().stream().map(Group::getId).anyMatch(id -> pattern.matcher(id).matches());
    }

    private java.util.Optional<String> formId(byte[] content) {
        try {
            JsonNode form = json.readTree(content);
            return form.hasNonNull("id") && form.has("components") ? java.util.Optional.of(form.get("id").asText())
                    : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** An element as the modeler shows it, and the id to find it by: 「name」（id）. */
    private static String label(BaseElement element) {
        return element instanceof FlowNode node && node.getName() != null && !node.getName().isBlank()
                ? "「" + node.getName() + "」（" + element.getId() + "）" : element.getId();
    }
}
