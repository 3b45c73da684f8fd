package org.huzhu.workflow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * What a process may say in expressions: the one declared list of what uploaded BPMN may
 * evaluate, read by the revision checks, and of the beans the engine's expressions may reach
 * at all ({@link SandboxedExpressions}). Anything not declared here is refused.
 */
public final class ExpressionPolicy {

    /** An exact method call the shipped processes need, and why. */
    record MethodShape(String expression, String why) {

        /** The call as a pattern: {@code <text>} stands for one plain string literal. */
        Pattern pattern() {
            return Pattern.compile(Stream.of(expression.split("<text>", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + "'[A-Za-z0-9_-]*'" + b).orElseThrow());
        }

        /** The bean the call starts from, when it starts from one rather than a variable. */
        String root() {
            return expression.substring(0, expression.indexOf('.'));
        }
    }

    /** The method calls allowed in uploaded expressions; a shape a process needs is added here. */
    static final List<MethodShape> METHOD_SHAPES = List.of(
            new MethodShape("slaClock.dueAt(claimId)",
                    "task due dates and the breach timer: the claim's payment deadline in working days"),
            new MethodShape("slaClock.atRiskAt(claimId)",
                    "the at-risk timer: the day the claim's payment deadline is near"),
            new MethodShape("decisionResult.collectEntries('step').contains(<text>)",
                    "RouteApproval's output mappings: whether the routing decision added a step"),
            new MethodShape("paymentBatches.cycle()", "payment-batch's timer: the batch run's cron"),
            new MethodShape("paymentBatches.resultCycle()", "bank-results' timer: how often result files are read"));

    /** Beans that method shapes call; every other bean is reached only as a delegate or listener. */
    static final Set<String> EXPRESSION_BEANS = Set.of("slaClock", "paymentBatches");

    /**
     * Beans only the engine resolves, for process versions deployed before this list: instances of
     * older payment-batch versions still waiting at ReadBankResults call {@code bankResults.read()}.
     */
    private static final Set<String> EARLIER_VERSIONS_BEANS = Set.of("bankResults");

    /** Variables that only the method shapes above may read (the routing decision's result, in output mappings). */
    private static final Set<String> SHAPE_VARIABLES = Set.of("decisionResult");

    /** The process variables conditions, mappings and names may read: what the glue sets and the forms submit. */
    static final Set<String> KNOWN_VARIABLES = knownVariables();

    private static final Pattern BEAN = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS);

    private ExpressionPolicy() {
    }

    private static Set<String> knownVariables() {
        Set<String> names = new TreeSet<>(List.of(ProcessVariables.CLAIM_ID, ProcessVariables.AGENCY_CODE,
                ProcessVariables.PRE_CHECK_OUTCOME, ProcessVariables.OUTCOME, ProcessVariables.REASON,
                ProcessVariables.PAYMENT_OUTCOME));
        names.addAll(ApprovalRouting.INPUTS);
        for (ApprovalStep step : ApprovalStep.values()) {
            names.add(step.variable());
        }
        for (AuditTask task : AuditTask.values()) {
            names.add(task.outcomeVariable());
            names.add(task.reasonVariable());
        }
        return Set.copyOf(names);
    }

    /** Whether a text holds an expression the engine would evaluate. */
    public static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /**
     * Why an expression may not go into a process: empty when it keeps to known variables,
     * literals, operators and the declared method shapes; otherwise every reason found, in Chinese.
     */
    public static List<String> refusals(String expression) {
        AstNode root;
        try {
            root = (AstNode) PARSER.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            return List.of("表达式无法解析");
        }
        Set<String> reasons = new LinkedHashSet<>();
        visit(root, reasons);
        return new ArrayList<>(reasons);
    }

    private static void visit(Node node, Set<String> reasons) {
        if (node instanceof AstMethod method) {
            String call = structure(method);
            if (METHOD_SHAPES.stream().noneMatch(shape -> shape.pattern().matcher(call).matches())) {
                reasons.add("不允许调用方法：" + call);
            }
            return;
        }
        if (node instanceof AstIdentifier identifier) {
            if (!KNOWN_VARIABLES.contains(identifier.getName())) {
                reasons.add("未知的流程变量：" + identifier.getName());
            }
            return;
        }
        if (node instanceof AstProperty property) {
            reasons.add("不允许读取属性：" + structure(property));
            return;
        }
        if (node instanceof AstFunction function) {
            reasons.add("不允许调用函数：" + function.getName());
            return;
        }
        if (!(node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
                || node instanceof AstNested || node instanceof AstBinary || node instanceof AstUnary
                || node instanceof AstChoice || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull)) {
            reasons.add("不允许的表达式成分：" + node);
            return;
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), reasons);
        }
    }

    private static String structure(AstNode node) {
        StringBuilder text = new StringBuilder();
        node.appendStructure(text, null);
        return text.toString();
    }

    /** The bean a delegate or listener expression names, when it is exactly {@code ${name}}; null otherwise. */
    public static String beanOf(String delegateExpression) {
        Matcher bean = BEAN.matcher(delegateExpression.strip());
        return bean.matches() ? bean.group(1) : null;
    }

    /**
     * The kinds of bean a process may name in {@code delegateExpression}: Huzhu's own
     * implementations of the engine's delegate and listener interfaces, found by type so that a
     * new adapter needs no second declaration.
     */
    public enum DelegateKind {
        SERVICE_TASK(JavaDelegate.class), TASK_LISTENER(TaskListener.class), EXECUTION_LISTENER(ExecutionListener.class);

        private final Class<?> type;

        DelegateKind(Class<?> type) {
            this.type = type;
        }

        /** The names of Huzhu's beans of this kind, found without creating any bean. */
        public Set<String> beans(ListableBeanFactory context) {
            Set<String> names = new TreeSet<>();
            for (String name : context.getBeanNamesForType(type, false, false)) {
                Class<?> beanType = context.getType(name, false);
                if (beanType != null && beanType.getName().startsWith("org.huzhu.")) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    /** Every bean an expression in the engine may resolve: the delegates, the listeners and the shapes' beans. */
    static Set<String> engineBeans(ListableBeanFactory context) {
        Set<String> names = new TreeSet<>(EXPRESSION_BEANS);
        names.addAll(EARLIER_VERSIONS_BEANS);
        for (DelegateKind kind : DelegateKind.values()) {
            names.addAll(kind.beans(context));
        }
        return names;
    }

    static {
        for (MethodShape shape : METHOD_SHAPES) {
            String root = shape.root();
            if (!EXPRESSION_BEANS.contains(root) && !SHAPE_VARIABLES.contains(root)) {
                throw new IllegalStateException("method shape starts from an undeclared bean: " + shape.expression());
            }
        }
    }
}
