package org.huzhu.revision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.huzhu.claim.ApprovalFacts;
import org.huzhu.claim.ClaimApprovalFacts;
import org.huzhu.platform.DomainException;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.workflow.ApprovalRouting;
import org.huzhu.workflow.ApprovalStep;
import org.huzhu.workflow.AuditTask;
import org.huzhu.workflow.ProcessVariables;
import org.huzhu.workflow.ReflectionGuard;
import org.springframework.stereotype.Service;

/**
 * Before a routing change goes live: replays recent claims' figures (never who they are)
 * through the live and the candidate decision and process, and reports how many claims would
 * take each approval path and how many tasks after the routing each group would get.
 */
@Service
public class ApprovalDryRun {

    static final int DEFAULT_SAMPLE = 500;
    static final int MAX_SAMPLE = 5000;

    private final RepositoryService repository;
    private final RoutingDecisions routing;
    private final ClaimApprovalFacts facts;
    private final ProcessRevisions revisions;

    ApprovalDryRun(RepositoryService repository, RoutingDecisions routing, ClaimApprovalFacts facts,
                   ProcessRevisions revisions) {
        this.repository = repository;
        this.routing = routing;
        this.facts = facts;
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
        for (RevisionFile file : files) {
            if (file.isBpmn()) {
                BpmnModelInstance process = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
                if (process.getModelElementById(ProcessVariables.PROCESS_KEY) != null) {
                    candidateProcess = process;
                }
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
        if (candidateProcess != liveProcess) {
            warn(candidateProcess, "候选", warnings);
        }
        Map<String, int[]> paths = new TreeMap<>();
        Map<String, int[]> load = new TreeMap<>();
        List<ApprovalFacts> sampled = facts.recent(size);
        for (ApprovalFacts claim : sampled) {
            try {
                count(paths, load, walk(liveProcess, variables(claim, routing.steps(liveDecision, claim))), 0);
            } catch (Unfollowable e) {
                // the live version is not the admin's upload: nothing to fix in the request
                throw DomainException.conflict(e.code(), "现行流程：" + e.getMessage());
            }
            try {
                count(paths, load, walk(candidateProcess, variables(claim, routing.steps(candidateDecision, claim))), 1);
            } catch (Unfollowable e) {
                throw new InvalidInputException("files", e.code(), "候选流程：" + e.getMessage());
            }
        }
        List<PathCount> pathCounts = paths.entrySet().stream()
                .map(e -> new PathCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        List<GroupLoad> groups = load.entrySet().stream().map(e -> new GroupLoad(e.getKey(),
                Role.ofGroup(e.getKey()).map(Role::label).orElse(e.getKey()), e.getValue()[0], e.getValue()[1],
                e.getValue()[0] == 0 ? null
                        : Math.round(1000.0 * (e.getValue()[1] - e.getValue()[0]) / e.getValue()[0]) / 10.0)).toList();
        return new Report(sampled.size(), pathCounts, groups, warnings);
    }

    /** Adds one claim's path through a process to the counts of paths and of each group's tasks. */
    private static void count(Map<String, int[]> paths, Map<String, int[]> load, List<UserTask> tasks, int side) {
        StringBuilder path = new StringBuilder();
        for (UserTask task : tasks) {
            path.append(path.isEmpty() ? "" : " → ").append(task.getName());
            String groups = task.getCamundaCandidateGroups();
            for (String group : groups == null ? new String[0] : groups.split(",")) {
                load.computeIfAbsent(group.strip(), g -> new int[2])[side]++;
            }
        }
        paths.computeIfAbsent(path.isEmpty() ? "（无人工审批）" : path.toString(), p -> new int[2])[side]++;
    }

    /**
     * The user tasks a claim meets from the approval routing until it is approved for payout,
     * walking the process as the engine would with these variables and every check approving.
     * It follows one path: what would make it guess (a branch without a condition, none or
     * several conditions holding, a condition it cannot evaluate, a split into parallel paths, a
     * loop) is refused as {@link Unfollowable}, naming the element.
     */
    static List<UserTask> walk(BpmnModelInstance process, Map<String, Object> variables) {
        List<UserTask> tasks = new ArrayList<>();
        Optional<BusinessRuleTask> routing = routingTask(process);
        if (routing.isEmpty()) {
            return tasks;
        }
        Conditions conditions = new Conditions(variables);
        Set<String> visited = new HashSet<>();
        FlowNode node = routing.get();
        while (node != null && !isApproval(node) && !(node instanceof EndEvent)) {
            if (!visited.add(node.getId())) {
                throw new Unfollowable("DRY_RUN_LOOP", "所有审核都通过时又回到了" + name(node)
                        + "，到不了批准支付，试算无法继续");
            }
            if (node instanceof UserTask task) {
                tasks.add(task);
            }
            node = next(node, conditions);
        }
        return tasks;
    }

    private static FlowNode next(FlowNode node, Conditions conditions) {
        List<SequenceFlow> outgoing = List.copyOf(node.getOutgoing());
        if (node instanceof ExclusiveGateway gateway && outgoing.size() > 1) {
            return choose(gateway, outgoing, conditions).getTarget();
        }
        if (outgoing.size() > 1 || outgoing.size() == 1 && outgoing.get(0).getConditionExpression() != null) {
            throw new Unfollowable("DRY_RUN_CANNOT_FOLLOW", name(node) + " 不是排他网关，却有多条或带条件的连线："
                    + "试算只能沿排他网关的分支走一条路径");
        }
        return outgoing.isEmpty() ? null : outgoing.get(0).getTarget();
    }

    /** The one branch of an exclusive gateway whose condition holds, or its default when none does. */
    private static SequenceFlow choose(ExclusiveGateway gateway, List<SequenceFlow> outgoing, Conditions conditions) {
        List<SequenceFlow> holding = new ArrayList<>();
        for (SequenceFlow flow : outgoing) {
            if (flow == gateway.getDefault()) {
                continue;
            }
            if (flow.getConditionExpression() == null) {
                throw new Unfollowable("DRY_RUN_CONDITION_MISSING", "排他网关" + name(gateway) + "的连线 " + flow.getId()
                        + " 既没有条件也不是默认连线，试算无法判断走向");
            }
            if (conditions.hold(flow)) {
                holding.add(flow);
            }
        }
        if (holding.size() > 1) {
            throw new Unfollowable("DRY_RUN_SEVERAL_FLOWS_MATCH", "排他网关" + name(gateway) + "有多条连线的条件同时成立（"
                    + String.join("、", holding.stream().map(SequenceFlow::getId).toList()) + "），试算无法判断走向");
        }
        if (holding.isEmpty() && gateway.getDefault() == null) {
            throw new Unfollowable("DRY_RUN_NO_FLOW_MATCHES", "排他网关" + name(gateway)
                    + "的条件都不成立，也没有默认连线，试算无法继续");
        }
        return holding.isEmpty() ? gateway.getDefault() : holding.get(0);
    }

    /** An element as people see it in the modeler: 「name」（id）, or the id alone. */
    private static String name(FlowNode node) {
        return node.getName() == null || node.getName().isBlank() ? node.getId() : "「" + node.getName() + "」（" + node.getId() + "）";
    }

    /** What the dry run cannot follow without guessing, with a stable code and a message naming the element. */
    static final class Unfollowable extends RuntimeException {

        private final String code;

        Unfollowable(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private static Optional<BusinessRuleTask> routingTask(BpmnModelInstance process) {
        return process.getModelElementsByType(BusinessRuleTask.class).stream()
                .filter(task -> ApprovalStep.DECISION_KEY.equals(task.getCamundaDecisionRef())).findFirst();
    }

    private static boolean isApproval(FlowNode node) {
        return node instanceof ServiceTask task && "${approveClaim}".equals(task.getCamundaDelegateExpression());
    }

    /** Warns of what the dry run cannot follow: no routing task, or a routed step no branch reads. */
    private static void warn(BpmnModelInstance process, String side, List<String> warnings) {
        if (routingTask(process).isEmpty()) {
            warnings.add(side + "流程没有调用审批路径决策（" + ApprovalStep.DECISION_KEY + "）的业务规则任务");
            return;
        }
        String conditions = process.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> flow.getConditionExpression() != null)
                .map(flow -> flow.getConditionExpression().getTextContent()).reduce("", String::concat);
        for (ApprovalStep step : ApprovalStep.values()) {
            if (!conditions.contains(step.variable())) {
                warnings.add(side + "流程中没有按 " + step.variable() + " 分支的条件：决策要求「" + step.label()
                        + "」的申请将跳过它");
            }
        }
    }

    /**
     * Evaluates a branch's condition on the given variables and nothing else: no resolver stands
     * behind the guard, so a name that is not one of the variables, like any property or method,
     * cannot be resolved. A condition that cannot be evaluated, or is not true or false, is refused,
     * as the engine would fail on it. Only conditions that passed the revision checks come here.
     */
    private static final class Conditions {

        private final ExpressionFactory factory = new ExpressionFactoryImpl();
        private final SimpleContext context = new SimpleContext(new ReflectionGuard());

        Conditions(Map<String, Object> variables) {
            variables.forEach((name, value) -> context.setVariable(name, factory.createValueExpression(value, Object.class)));
        }

        boolean hold(SequenceFlow flow) {
            String condition = flow.getConditionExpression().getTextContent().strip();
            Object value;
            try {
                value = factory.createValueExpression(context, condition, Object.class).getValue(context);
            } catch (RuntimeException e) {
                throw new Unfollowable("DRY_RUN_CONDITION_FAILED", "连线 " + flow.getId() + " 的条件 " + condition
                        + " 无法计算（" + e.getMessage() + "）：试算只有审批路径的输入、各环节是否需要与各审核的结论");
            }
            if (!(value instanceof Boolean holds)) {
                throw new Unfollowable("DRY_RUN_CONDITION_FAILED", "连线 " + flow.getId() + " 的条件 " + condition
                        + " 的结果不是 true 或 false");
            }
            return holds;
        }
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

    /** What a claim's process holds when it leaves the routing, with every check approving. */
    static Map<String, Object> variables(ApprovalFacts claim, Set<ApprovalStep> steps) {
        Map<String, Object> variables = new HashMap<>(ApprovalRouting.inputs(claim));
        variables.putAll(ApprovalRouting.variables(steps));
        for (AuditTask task : AuditTask.values()) {
            variables.put(task.outcomeVariable(), "APPROVE");
        }
        return variables;
    }
}
