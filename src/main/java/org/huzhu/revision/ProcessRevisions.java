package org.huzhu.revision;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.huzhu.audit.AuditTrail;
import org.huzhu.claim.ClaimApprovalFacts;
import org.huzhu.platform.Beijing;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.platform.Problems;
import org.huzhu.security.Role;
import org.huzhu.security.Staff;
import org.huzhu.workflow.ApprovalRouting;
import org.huzhu.workflow.ApprovalStep;
import org.huzhu.workflow.ProcessDeployer;
import org.huzhu.workflow.ProcessVariables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Process admins' revisions: checked, then deployed beside everything that stays; listed with
 * who, when, why and which steps changed; and running claims moved to the newest version.
 */
@Service
public class ProcessRevisions {

    static final String REVISION_DEPLOYMENT = "huzhu-revision";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final RevisionChecks checks;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final RoutingDecisions routing;
    private final ClaimApprovalFacts approvalFacts;
    private final TransactionTemplate transaction;

    ProcessRevisions(RepositoryService repository, RuntimeService runtime, RevisionChecks checks, JdbcClient jdbc,
                     AuditTrail audit, Clock clock, RoutingDecisions routing, ClaimApprovalFacts approvalFacts,
                     PlatformTransactionManager transactions) {
        this.repository = repository;
        this.runtime = runtime;
        this.checks = checks;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.routing = routing;
        this.approvalFacts = approvalFacts;
        this.transaction = new TransactionTemplate(transactions);
    }

    public record Revision(String deploymentId, String deployedBy, OffsetDateTime deployedAt, String comment,
                           String changes) {
    }

    public record Version(String processDefinitionId, String key, int version, String deploymentId,
                          long runningInstances) {
    }

    public record MigrationReport(String targetProcessDefinitionId, List<String> migrated, List<Refusal> refused) {
    }

    public record Refusal(String processInstanceId, String reason) {
    }

    /** A claim running on one version: its process instance, the claim's number and the steps it waits in. */
    public record RunningClaim(String processInstanceId, String claimId, List<String> steps) {
    }

    /** Checks the files and deploys them with what stays from the newest deployment; a failing upload deploys nothing. */
    @Transactional
    public Revision deploy(List<RevisionFile> files, String comment, Staff admin) {
        admin.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        Problems problems = new Problems();
        if (comment == null || comment.isBlank()) {
            problems.add("comment", "REQUIRED", "请说明本次修订的原因");
        } else if (comment.length() > 500) {
            problems.add("comment", "TOO_LONG", "最多500个字");
        }
        if (files == null || files.isEmpty()) {
            problems.add("files", "REQUIRED", "请上传至少一个 .bpmn、.dmn 或 .form 文件");
            problems.throwIfAny();
        }
        Deployment newest = newestDeployment();
        List<String> kept = kept(newest, files);
        checks.check(files, checks.definitionsOf(newest.getId(), kept), problems);
        problems.throwIfAny();

        List<String> changes = new ArrayList<>();
        for (RevisionFile file : files) {
            if (file.isBpmn()) {
                changes.addAll(stepChanges(file));
            } else if (file.isDmn()) {
                changes.addAll(ruleChanges(file));
            }
        }
        DeploymentBuilder deployment = repository.createDeployment().name(REVISION_DEPLOYMENT).source(admin.userId());
        files.forEach(f -> deployment.addInputStream(f.resourceName(), new ByteArrayInputStream(f.content())));
        if (!kept.isEmpty()) {
            deployment.addDeploymentResourcesByName(newest.getId(), kept);
        }
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        String summary = changes.isEmpty() ? "步骤无增减" : String.join("；", changes);
        jdbc.sql("""
                        insert into process_revision (deployment_id, deployed_by, deployed_at, comment, changes)
                        values (:id, :by, :at, :comment, :changes)
                        """)
                .param("id", deployed.getId()).param("by", admin.userId()).param("at", Timestamp.from(clock.instant()))
                .param("comment", comment.strip()).param("changes", summary.length() > 4000 ? summary.substring(0, 4000) : summary)
                .update();
        audit.record(admin.userId(), "PROCESS_REVISION_DEPLOYED", "DEPLOYMENT", deployed.getId(), null,
                comment.strip() + "（" + summary + "）");
        return revisions().get(0);
    }

    /** Adds to the problems what keeps these files from going live beside what stays deployed. */
    void check(List<RevisionFile> files, Problems problems) {
        Deployment newest = newestDeployment();
        checks.check(files, checks.definitionsOf(newest.getId(), kept(newest, files)), problems);
    }

    /** The newest deployment's resources that the upload does not replace. */
    private List<String> kept(Deployment newest, List<RevisionFile> files) {
        Set<String> uploaded = new HashSet<>();
        files.forEach(f -> uploaded.add(f.resourceName()));
        return repository.getDeploymentResourceNames(newest.getId()).stream()
                .filter(name -> !uploaded.contains(name)).toList();
    }

    /** Revisions, newest first. */
    public List<Revision> revisions() {
        return jdbc.sql("select deployment_id, deployed_by, deployed_at, comment, changes from process_revision order by deployed_at desc")
                .query((row, n) -> new Revision(row.getString("deployment_id"), row.getString("deployed_by"),
                        row.getTimestamp("deployed_at").toInstant().atZone(Beijing.ZONE).toOffsetDateTime(),
                        row.getString("comment"), row.getString("changes")))
                .list();
    }

    /** Every version of every process, with how many claims still run on it. */
    public List<Version> versions() {
        return repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc()
                .orderByProcessDefinitionVersion().desc().list().stream()
                .map(d -> new Version(d.getId(), d.getKey(), d.getVersion(), d.getDeploymentId(),
                        runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count()))
                .toList();
    }

    /** The claims running on one version (at most {@code limit}, the newest claims first), each with the names of the steps it waits in. */
    public List<RunningClaim> running(String processDefinitionId, int limit) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId)
                .singleResult();
        if (definition == null) {
            return List.of();
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        return runtime.createProcessInstanceQuery().processDefinitionId(processDefinitionId).list().stream()
                .sorted(Comparator.comparing((ProcessInstance instance) -> claimNumber(instance.getBusinessKey())).reversed())
                .limit(limit)
                .map(instance -> new RunningClaim(instance.getId(), instance.getBusinessKey(),
                        runtime.getActiveActivityIds(instance.getId()).stream().map(id -> {
                            FlowNode node = model.getModelElementById(id);
                            return node == null || node.getName() == null ? id : node.getName();
                        }).toList()))
                .toList();
    }

    private static long claimNumber(String businessKey) {
        return businessKey != null && businessKey.matches("\\d{1,18}") ? Long.parseLong(businessKey) : -1;
    }

    /**
     * Moves the chosen instances (all on older versions when none are named) to the newest
     * version of their process, step for step by equal ids. Instances that cannot move, such as
     * those sitting in a step the new version removed, are reported and finish on their own version.
     */
    public MigrationReport migrate(String processKey, List<String> processInstanceIds, Staff admin) {
        admin.requireAny(Role.PROCESS_ADMIN, Role.ADMIN);
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (target == null) {
            throw new InvalidInputException("processKey", "UNKNOWN_PROCESS", "没有这个流程：" + processKey);
        }
        List<ProcessInstance> instances = processInstanceIds == null || processInstanceIds.isEmpty()
                ? runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list()
                : runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(processInstanceIds)).list();
        DecisionDefinition routingDecision = repository.createDecisionDefinitionQuery()
                .deploymentId(target.getDeploymentId()).decisionDefinitionKey(ApprovalStep.DECISION_KEY).singleResult();
        Map<String, MigrationPlan> plans = new HashMap<>();
        List<String> migrated = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            if (instance.getProcessDefinitionId().equals(target.getId())) {
                continue;
            }
            try {
                MigrationPlan plan = plans.computeIfAbsent(instance.getProcessDefinitionId(), source ->
                        runtime.createMigrationPlan(source, target.getId()).mapEqualActivities().updateEventTriggers().build());
                transaction.executeWithoutResult(status -> {
                    runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
                    if (routingDecision != null) {
                        reroute(instance.getId(), routingDecision.getId());
                    }
                });
                migrated.add(instance.getId());
            } catch (MigratingProcessInstanceValidationException e) {
                refused.add(new Refusal(instance.getId(), "所在步骤在新版本中没有对应步骤："
                        + String.join("、", runtime.getActiveActivityIds(instance.getId()))));
            } catch (RuntimeException e) {
                refused.add(new Refusal(instance.getId(), "无法迁移：" + e.getMessage()));
            }
        }
        audit.record(admin.userId(), "PROCESS_INSTANCES_MIGRATED", "PROCESS", target.getId(), null,
                "迁移" + migrated.size() + "件，未能迁移" + refused.size() + "件");
        return new MigrationReport(target.getId(), migrated, refused);
    }

    /**
     * A claim moved past its routing would keep the old version's answer: it gets the new
     * version's, so a step the revision added applies to it when it reaches that step.
     */
    private void reroute(String processInstanceId, String decisionDefinitionId) {
        Object claimId = runtime.getVariable(processInstanceId, ProcessVariables.CLAIM_ID);
        if (claimId instanceof Number id) {
            approvalFacts.of(id.longValue()).ifPresent(facts -> runtime.setVariables(processInstanceId,
                    ApprovalRouting.variables(routing.steps(decisionDefinitionId, facts))));
        }
    }

    private List<String> stepChanges(RevisionFile file) {
        BpmnModelInstance revised = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        List<String> changes = new ArrayList<>();
        for (org.camunda.bpm.model.bpmn.instance.Process process
                : revised.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
            ProcessDefinition current = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
                    .latestVersion().singleResult();
            Set<String> before = current == null ? Set.of() : steps(repository.getBpmnModelInstance(current.getId()));
            Set<String> after = steps(revised);
            Set<String> added = new TreeSet<>(after);
            added.removeAll(before);
            Set<String> removed = new TreeSet<>(before);
            removed.removeAll(after);
            if (!added.isEmpty()) {
                changes.add(process.getId() + " 新增步骤：" + String.join("、", added));
            }
            if (!removed.isEmpty()) {
                changes.add(process.getId() + " 删除步骤：" + String.join("、", removed));
            }
        }
        return changes;
    }

    /** Rules added, removed or changed in each decision table of a DMN file, against the newest deployed version. */
    private List<String> ruleChanges(RevisionFile file) {
        DmnModelInstance revised = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
        List<String> changes = new ArrayList<>();
        for (Decision decision : revised.getModelElementsByType(Decision.class)) {
            DecisionDefinition current = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(decision.getId()).latestVersion().singleResult();
            Map<String, String> before = current == null ? Map.of()
                    : rules(repository.getDmnModelInstance(current.getId()).getModelElementById(decision.getId()));
            Map<String, String> after = rules(decision);
            List<String> differences = new ArrayList<>();
            differences.addAll(difference("新增规则", after.keySet().stream().filter(id -> !before.containsKey(id)).toList()));
            differences.addAll(difference("删除规则", before.keySet().stream().filter(id -> !after.containsKey(id)).toList()));
            differences.addAll(difference("修改规则", after.keySet().stream()
                    .filter(id -> before.containsKey(id) && !before.get(id).equals(after.get(id))).toList()));
            if (!differences.isEmpty()) {
                changes.add(decision.getId() + " " + String.join("，", differences));
            }
        }
        return changes;
    }

    private static List<String> difference(String what, List<String> ruleIds) {
        return ruleIds.isEmpty() ? List.of() : List.of(what + "：" + String.join("、", new TreeSet<>(ruleIds)));
    }

    /** A decision table's rules by id, each as the text of its cells. */
    private static Map<String, String> rules(ModelElementInstance decision) {
        Map<String, String> rules = new HashMap<>();
        if (decision != null) {
            for (Rule rule : decision.getChildElementsByType(DecisionTable.class).stream()
                    .flatMap(table -> table.getRules().stream()).toList()) {
                StringBuilder cells = new StringBuilder();
                rule.getInputEntries().forEach(entry -> cells.append(entry.getTextContent()).append('|'));
                rule.getOutputEntries().forEach(entry -> cells.append(entry.getTextContent()).append('|'));
                rules.put(rule.getId(), cells.toString());
            }
        }
        return rules;
    }

    private static Set<String> steps(BpmnModelInstance model) {
        Set<String> ids = new HashSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
        return ids;
    }

    private Deployment newestDeployment() {
        return repository.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .filter(d -> ProcessDeployer.DEPLOYMENT_NAME.equals(d.getName()) || REVISION_DEPLOYMENT.equals(d.getName()))
                .findFirst().orElseThrow(() -> new IllegalStateException("nothing of Huzhu is deployed"));
    }
}
