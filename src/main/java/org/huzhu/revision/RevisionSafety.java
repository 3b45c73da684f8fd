package org.huzhu.revision;

import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.huzhu.platform.Problems;
import org.huzhu.workflow.ExpressionPolicy.DelegateKind;
import org.huzhu.workflow.ExpressionPolicy;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first of the revision checks, on the raw XML before the engine or anything else reads
 * it: nothing uploaded may run code. In BPMN no scripts and no class, expression, connector or
 * other code hooks; delegates and listeners exactly {@code ${bean}} of Huzhu's own; every other
 * {@code ${...}} or {@code #{...}} in any attribute or text only as {@link ExpressionPolicy}
 * allows. In DMN every expression is FEEL, without external (Java) functions.
 */
@Component
class RevisionSafety {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    /**
     * Camunda attributes that name Java classes or evaluate arbitrary code; formKey too, whose
     * embedded forms run scripts in Tasklist (our tasks use camunda:formRef).
     */
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "expression", "variableMappingClass",
            "variableMappingDelegateExpression", "formHandlerClass", "formKey");
    /** Elements whose text the engine never evaluates. */
    private static final Set<String> PROSE = Set.of("documentation", "text");
    private static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);
    private static final Pattern FEEL_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");

    private final ApplicationContext context;

    RevisionSafety(ApplicationContext context) {
        this.context = context;
    }

    /** Adds every reason the file could run code; true when there is none. */
    boolean check(RevisionFile file, String field, Problems problems) {
        Element root;
        try {
            root = parse(file.content());
        } catch (Exception e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                problems.add(field, "UNSAFE_XML", file.filename() + "：不允许 DOCTYPE 与外部实体");
            } else {
                problems.add(field, "UNREADABLE_XML", file.filename() + "：XML 格式有误");
            }
            return false;
        }
        Scan scan = new Scan(file.filename(), field, problems);
        if (file.isBpmn()) {
            Map<DelegateKind, Set<String>> beans = new EnumMap<>(DelegateKind.class);
            for (DelegateKind kind : DelegateKind.values()) {
                beans.put(kind, kind.beans(context));
            }
            bpmn(root, scan, beans);
        } else if (file.isDmn()) {
            dmn(root, scan);
        }
        return scan.safe;
    }

    private void bpmn(Element element, Scan scan, Map<DelegateKind, Set<String>> beans) {
        String ns = element.getNamespaceURI();
        String name = element.getLocalName();
        boolean listener = CAMUNDA.equals(ns) && (name.equals("taskListener") || name.equals("executionListener"));
        if (BPMN.equals(ns) && (name.equals("scriptTask") || name.equals("script"))
                || CAMUNDA.equals(ns) && name.equals("script")) {
            scan.refuse("SCRIPT_NOT_ALLOWED", element, "不允许脚本（" + name + "）");
        }
        if (CAMUNDA.equals(ns) && name.equals("connector")) {
            scan.refuse("CODE_HOOK_NOT_ALLOWED", element, "不允许连接器（camunda:connector）");
        }
        if (CAMUNDA.equals(ns) && name.equals("constraint") && "validator".equals(element.getAttribute("name"))) {
            scan.refuse("CODE_HOOK_NOT_ALLOWED", element, "不允许自定义校验器（validator）");
        }
        if (listener) {
            DelegateKind kind = name.equals("taskListener") ? DelegateKind.TASK_LISTENER : DelegateKind.EXECUTION_LISTENER;
            if (!element.hasAttribute("delegateExpression")) {
                scan.refuse("LISTENER_NOT_A_BEAN", element, "监听器只能写作 delegateExpression=\"${服务名}\"");
            } else {
                delegate(element.getAttribute("delegateExpression"), beans.get(kind), element, scan);
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI());
            boolean own = attribute.getNamespaceURI() == null;
            if (camunda && CODE_ATTRIBUTES.contains(local) || listener && own && CODE_ATTRIBUTES.contains(local)) {
                scan.refuse("CODE_HOOK_NOT_ALLOWED", element, "不允许 " + attribute.getName() + "（会执行任意代码）");
            } else if (camunda && local.equals("resource") || own && (local.equals("language") || local.equals("scriptFormat"))) {
                scan.refuse("SCRIPT_NOT_ALLOWED", element, "不允许脚本（" + attribute.getName() + "）");
            } else if (camunda && local.equals("delegateExpression")) {
                delegate(attribute.getValue(), beans.get(DelegateKind.SERVICE_TASK), element, scan);
            } else if (!(listener && own && local.equals("delegateExpression"))) {
                expression(attribute.getValue(), element, attribute.getName(), scan);
            }
        }
        if (!(BPMN.equals(ns) && PROSE.contains(name))) {
            expression(ownText(element), element, "内容", scan);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                bpmn(childElement, scan, beans);
            }
        }
    }

    private static void delegate(String expression, Set<String> beans, Element element, Scan scan) {
        String bean = ExpressionPolicy.beanOf(expression);
        if (bean == null) {
            scan.refuse("DELEGATE_EXPRESSION_NOT_ALLOWED", element, "delegateExpression 只能写作 ${服务名}：" + expression);
        } else if (!beans.contains(bean)) {
            scan.refuse("UNKNOWN_DELEGATE", element, "引用的服务不存在：" + bean);
        }
    }

    private static void expression(String text, Element element, String where, Scan scan) {
        if (ExpressionPolicy.hasExpression(text)) {
            for (String reason : ExpressionPolicy.refusals(text)) {
                scan.refuse("EXPRESSION_NOT_ALLOWED", element, where + " 的表达式 " + text.strip() + "：" + reason);
            }
        }
    }

    private static void dmn(Element element, Scan scan) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if (local.equals("expressionLanguage") && !isFeel(attribute.getValue())) {
                scan.refuse("DMN_EXPRESSION_LANGUAGE_NOT_ALLOWED", element,
                        "决策表达式只能用 FEEL，不能用 " + attribute.getValue());
            }
        }
        String feel = element.getLocalName().equals("text") ? FEEL_STRING.matcher(ownText(element)).replaceAll("\"\"") : "";
        if (EXTERNAL.matcher(feel).find()) {
            scan.refuse("DMN_EXTERNAL_FUNCTION_NOT_ALLOWED", element, "不允许 FEEL 外部函数（external）");
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                dmn(childElement, scan);
            }
        }
    }

    private static boolean isFeel(String language) {
        return FEEL.contains(language.strip())
                || DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.equals(language.strip().toLowerCase(Locale.ROOT));
    }

    /** The element's own text and CDATA, without its children's. */
    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static Element parse(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler());
        return builder.parse(new ByteArrayInputStream(content)).getDocumentElement();
    }

    /** One file's findings, each naming the element it is on. */
    private static final class Scan {

        private final String filename;
        private final String field;
        private final Problems problems;
        private boolean safe = true;

        Scan(String filename, String field, Problems problems) {
            this.filename = filename;
            this.field = field;
            this.problems = problems;
        }

        void refuse(String code, Element element, String reason) {
            safe = false;
            problems.add(field, code, filename + " 的 " + where(element) + "：" + reason);
        }

        private static String where(Element element) {
            for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
                if (e.hasAttribute("id")) {
                    return e.hasAttribute("name") && !e.getAttribute("name").isBlank()
                            ? "「" + e.getAttribute("name") + "」（" + e.getAttribute("id") + "）" : e.getAttribute("id");
                }
            }
            return element.getLocalName();
        }
    }
}
