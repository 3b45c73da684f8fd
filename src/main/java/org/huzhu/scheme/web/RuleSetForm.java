package org.huzhu.scheme.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.huzhu.platform.FieldErrors;
import org.huzhu.platform.FieldProblem;
import org.huzhu.platform.InvalidInputException;
import org.huzhu.scheme.RuleSet;
import org.huzhu.scheme.RuleSetDefinition;
import org.huzhu.scheme.RuleSetDraft;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A rule set version as its form shows it: every value the text typed, under the name the
 * publication's checks give its field ({@code definition.expenseBenefit.tiers[1].rate}), so what
 * was typed comes back as it was and each problem finds its input. The definition is read from
 * the form as the API and the upload read theirs (as JSON, strictly), so a value that is no
 * number is a problem at its field in the same words.
 */
final class RuleSetForm {

    static final String DEFINITION = "definition.";
    /** The most rows a table takes; more would be a mistake, not a scheme. */
    static final int MAX_ROWS = 100;
    private static final List<String> VERSION_FIELDS = List.of("organiser", "effectiveFrom", "effectiveTo", "reason", "formId");
    /** Fields ticked among choices: sent once per choice, stored as a list. */
    private static final Pattern CHOICES = Pattern.compile(
            "definition\\.(eligibleInsuranceTypes|requiredDocuments|lumpSumBenefit\\.groups\\[\\d+]\\.documents)");
    /** A group's ICD-10 prefixes: a list, typed in one cell. */
    private static final Pattern PREFIXES = Pattern.compile("definition\\.lumpSumBenefit\\.groups\\[\\d+]\\.icd10Prefixes");
    /** An element of a list, named with its index ({@code requiredDocuments[2]}). */
    private static final Pattern ELEMENT = Pattern.compile("(.*)\\[\\d+]");
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)])?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

    private final MultiValueMap<String, String> values;

    private RuleSetForm(MultiValueMap<String, String> values) {
        this.values = values;
    }

    /** The form as sent: its version's fields and the definition's, nothing else. */
    static RuleSetForm of(MultiValueMap<String, String> sent) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        sent.forEach((name, typed) -> {
            if (VERSION_FIELDS.contains(name) || name.startsWith(DEFINITION)) {
                values.put(name, new ArrayList<>(typed));
            }
        });
        return new RuleSetForm(values);
    }

    /** A new version's form filled in with the rules of {@code base}: the admin changes what changed. */
    static RuleSetForm from(RuleSet base, ObjectMapper json) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("organiser", base.organiserCode());
        values.add("formId", UUID.randomUUID().toString());
        values.addAll(fields(base.definition(), json));
        return new RuleSetForm(values);
    }

    /** The definition's values by field, as the form names and shows them. */
    static MultiValueMap<String, String> fields(RuleSetDefinition definition, ObjectMapper json) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        flatten(json.valueToTree(definition), "definition", fields);
        return fields;
    }

    /** The first value typed in the field, or nothing. */
    public String value(String field) {
        String value = values.getFirst(field);
        return value == null ? "" : value;
    }

    public boolean checked(String field, String choice) {
        return values.getOrDefault(field, List.of()).contains(choice);
    }

    /** The indexes of the table's rows as shown. */
    public List<Integer> rows(String table) {
        Pattern row = Pattern.compile(Pattern.quote(table) + "\\[(\\d+)].*");
        int count = values.keySet().stream().map(row::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
        return IntStream.range(0, Math.min(count, MAX_ROWS)).boxed().toList();
    }

    /** Every value with its field, to be sent again unchanged from the confirmation. */
    public List<Map.Entry<String, String>> sent() {
        return values.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> Map.entry(e.getKey(), v))).toList();
    }

    public String formId() {
        return value("formId");
    }

    /** The same form with a blank row at the end of the table. */
    RuleSetForm withRow(RuleSetFields.Table table) {
        int row = rows(table.path()).size();
        if (row >= MAX_ROWS) {
            throw new InvalidInputException(table.path(), "TOO_MANY_ROWS", "最多" + MAX_ROWS + "行");
        }
        MultiValueMap<String, String> more = new LinkedMultiValueMap<>(values);
        table.columns().forEach(column -> more.add(table.path() + "[" + row + "]." + column, ""));
        return new RuleSetForm(more);
    }

    /** The same form without the row; the rows after it move up one. */
    RuleSetForm withoutRow(RuleSetFields.Table table, int row) {
        Pattern cell = Pattern.compile(Pattern.quote(table.path()) + "\\[(\\d+)](.*)");
        MultiValueMap<String, String> fewer = new LinkedMultiValueMap<>();
        values.forEach((name, typed) -> {
            Matcher m = cell.matcher(name);
            if (!m.matches()) {
                fewer.put(name, typed);
            } else if (Integer.parseInt(m.group(1)) != row) {
                int index = Integer.parseInt(m.group(1));
                fewer.put(table.path() + "[" + (index > row ? index - 1 : index) + "]" + m.group(2), typed);
            }
        });
        return new RuleSetForm(fewer);
    }

    /**
     * The version as typed, read; what cannot be read (a date that is no date, a rate that is no
     * number) goes into {@code errors} at its field, and that part of the rules stays out.
     */
    RuleSetDraft draft(ObjectMapper json, FieldErrors errors) {
        JsonNode typed = definitionJson(json);
        RuleSetDefinition definition;
        try {
            definition = SchemeController.definition(json, typed);
        } catch (InvalidInputException unreadable) {
            addProblems(unreadable.problems(), errors);
            definition = readable(typed, unreadable.problems(), json);
        }
        return new RuleSetDraft(text("organiser"), errors.date("effectiveFrom", value("effectiveFrom")),
                errors.date("effectiveTo", value("effectiveTo")), text("reason"), definition);
    }

    /**
     * The rules without the fields that cannot be read, so that the publication's checks still
     * judge the rest and the form shows every problem at once; null when even that cannot be read.
     */
    private static RuleSetDefinition readable(JsonNode typed, List<FieldProblem> unreadable, ObjectMapper json) {
        JsonNode rest = typed.deepCopy();
        unreadable.forEach(problem -> leaveOut(rest, problem.field()));
        try {
            return SchemeController.definition(json, rest);
        } catch (InvalidInputException stillUnreadable) {
            return null;
        }
    }

    /** Takes the field out of the rules ({@code definition.minAge}); a list's element takes the list with it. */
    private static void leaveOut(JsonNode rules, String field) {
        if (!field.startsWith(DEFINITION)) {
            return;
        }
        String[] steps = field.substring(DEFINITION.length()).split("\\.");
        JsonNode node = rules;
        for (int i = 0; i < steps.length - 1; i++) {
            Matcher step = STEP.matcher(steps[i]);
            if (!step.matches()) {
                return;
            }
            node = step.group(2) == null ? node.path(step.group(1)) : node.path(step.group(1)).path(Integer.parseInt(step.group(2)));
        }
        Matcher last = STEP.matcher(steps[steps.length - 1]);
        if (node instanceof ObjectNode object && last.matches()) {
            object.remove(last.group(1));
        }
    }

    /** The problems at the form's inputs: a prefix's at its group's cell, a funder's at its share, a choice's at its list. */
    void addProblems(List<FieldProblem> problems, FieldErrors errors) {
        errors.addAll(problems.stream().map(RuleSetForm::inWords).toList(), field -> {
            String place = field.replaceFirst("^(.*\\.icd10Prefixes)\\[\\d+]$", "$1");
            Matcher choice = ELEMENT.matcher(place);
            if (choice.matches() && CHOICES.matcher(choice.group(1)).matches()) {
                return choice.group(1);
            }
            return place.matches("definition\\.funding\\.funders\\[\\d+]") ? place + ".share" : place;
        });
    }

    /** A month and day is typed as 10-16 on the form, not as JSON writes it. */
    private static FieldProblem inWords(FieldProblem problem) {
        if (problem.field().equals(DEFINITION + "schemeYearStart") && problem.code().equals("INVALID_FORMAT")) {
            return new FieldProblem(problem.field(), problem.code(), "格式为 月-日，例如 10-16 表示10月16日");
        }
        return problem;
    }

    /** The definition's fields as the JSON the API takes: blank fields left out, a row kept even when blank. */
    private JsonNode definitionJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        values.forEach((name, typed) -> {
            if (!name.startsWith(DEFINITION)) {
                return;
            }
            JsonNode value = node(name, typed, json);
            JsonNode parent = containerOf(root, name.substring(DEFINITION.length()), json);
            String leaf = leaf(name);
            if (value != null && parent instanceof ObjectNode object && leaf != null) {
                object.set(leaf, value);
            }
        });
        prune(root);
        return root;
    }

    private static JsonNode node(String name, List<String> typed, ObjectMapper json) {
        List<String> given = typed.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (CHOICES.matcher(name).matches()) {
            ArrayNode choices = json.createArrayNode();
            given.forEach(choices::add);
            return choices;
        }
        if (given.isEmpty()) {
            return null;
        }
        String value = given.get(0);
        if (PREFIXES.matcher(name).matches()) {
            ArrayNode prefixes = json.createArrayNode();
            for (String prefix : value.split("[,，、;；\\s]+")) {
                if (!prefix.isEmpty()) {
                    prefixes.add(prefix);
                }
            }
            return prefixes;
        }
        if (name.equals(DEFINITION + "schemeYearStart")) {
            Matcher monthDay = MONTH_DAY.matcher(value);
            return TextNode.valueOf(monthDay.matches() ? "--%02d-%02d".formatted(Integer.parseInt(monthDay.group(1)),
                    Integer.parseInt(monthDay.group(2))) : value);
        }
        if (name.endsWith(".paidOncePerGroup") && (value.equals("true") || value.equals("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value));
        }
        return TextNode.valueOf(value);
    }

    /** The object the field's value goes in, made with the rows on the way ({@code expenseBenefit.tiers[1]}). */
    private static JsonNode containerOf(ObjectNode root, String path, ObjectMapper json) {
        String[] steps = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i], json);
            if (node == null) {
                return null;
            }
        }
        Matcher last = STEP.matcher(steps[steps.length - 1]);
        if (last.matches() && last.group(2) != null) {
            // a row's index at the end: its object, no field of it (a table's own name is no value)
            return null;
        }
        return node;
    }

    private static JsonNode step(JsonNode node, String step, ObjectMapper json) {
        Matcher m = STEP.matcher(step);
        if (!m.matches() || !(node instanceof ObjectNode object)) {
            return null;
        }
        String name = m.group(1);
        if (m.group(2) == null) {
            JsonNode child = object.get(name);
            return child instanceof ObjectNode ? child : object.putObject(name);
        }
        JsonNode array = object.get(name);
        ArrayNode rows = array instanceof ArrayNode existing ? existing : object.putArray(name);
        int index = Integer.parseInt(m.group(2));
        if (index >= MAX_ROWS) {
            return null;
        }
        while (rows.size() <= index) {
            rows.addObject();
        }
        return rows.get(index);
    }

    private static String leaf(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.matches("[A-Za-z0-9]+") ? last : null;
    }

    /** Leaves out what nothing was typed into (a waiting period, an allowance, funding), but keeps blank rows. */
    private static void prune(ObjectNode object) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            JsonNode child = fields.next().getValue();
            if (child instanceof ObjectNode inner) {
                prune(inner);
                if (inner.isEmpty()) {
                    fields.remove();
                }
            } else if (child instanceof ArrayNode rows) {
                rows.forEach(row -> {
                    if (row instanceof ObjectNode inner) {
                        prune(inner);
                    }
                });
            }
        }
    }

    /** A JSON value as the form's fields: an object's by their names, a list of choices once per choice. */
    private static void flatten(JsonNode node, String path, MultiValueMap<String, String> fields) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(field.getValue(), path + "." + field.getKey(), fields));
        } else if (node.isArray() && CHOICES.matcher(path).matches()) {
            node.forEach(choice -> fields.add(path, choice.asText()));
        } else if (node.isArray() && PREFIXES.matcher(path).matches()) {
            List<String> prefixes = new ArrayList<>();
            node.forEach(prefix -> prefixes.add(prefix.asText()));
            fields.add(path, String.join(", ", prefixes));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", fields);
            }
        } else if (path.equals(DEFINITION + "schemeYearStart")) {
            fields.add(path, node.asText().replaceFirst("^--", ""));
        } else {
            fields.add(path, node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText());
        }
    }

    private String text(String field) {
        String value = value(field).strip();
        return value.isEmpty() ? null : value;
    }

    /** Whether two values of a field read the same: 0.5 and 0.50 are one rate. */
    static boolean same(List<String> a, List<String> b) {
        List<String> left = a == null ? List.of() : a;
        List<String> right = b == null ? List.of() : b;
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!sameValue(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
