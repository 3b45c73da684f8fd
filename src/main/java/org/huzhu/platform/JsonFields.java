package org.huzhu.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads JSON into a type and, where it cannot, names every field that cannot be read, each
 * with what it expects, not only the first one Jackson stops at. Jackson itself judges each
 * field (so every type, annotation and deserializer counts as in the real reading): the field
 * it stops at is noted and left out, and the rest is read again, until it reads.
 */
public final class JsonFields {

    /** Each problem costs one more reading of the body; past this many, the first ones are enough. */
    static final int MAX_PROBLEMS = 50;

    private JsonFields() {
    }

    /**
     * What a request sent, read as the value, or an {@link InvalidInputException} naming every
     * field under {@code prefix} that cannot be read. Text limits hold ({@link TextLimit}).
     */
    public static <T> T read(ObjectReader reader, JsonNode json, String prefix) {
        ObjectReader request = forRequest(reader);
        try {
            return request.readValue(json);
        } catch (JsonMappingException e) {
            List<FieldProblem> problems = problems(request, json, prefix);
            throw new InvalidInputException(problems.isEmpty() ? List.of(ProblemResponses.problemOf(e, prefix)) : problems);
        } catch (IOException e) {
            throw new InvalidInputException(prefix, "MALFORMED_JSON", "内容不是有效的 JSON");
        }
    }

    /** The reader, held to what request input must satisfy. */
    static ObjectReader forRequest(ObjectReader reader) {
        return reader.withAttribute(JsonConfiguration.VisibleStringDeserializer.REQUEST, Boolean.TRUE);
    }

    /**
     * Every field the reader's type cannot take, in the order Jackson meets them; empty when the
     * JSON reads, or when what is wrong is the whole value rather than a field of it.
     */
    static List<FieldProblem> problems(ObjectReader reader, JsonNode json, String prefix) {
        JsonNode rest = json.deepCopy();
        List<List<JsonMappingException.Reference>> leftOut = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        while (problems.size() < MAX_PROBLEMS) {
            List<JsonMappingException.Reference> path;
            try {
                reader.readValue(rest);
                break;
            } catch (JsonMappingException e) {
                path = e.getPath();
                // an object that fails only because a field of it was left out is no new problem
                if (leftOut.stream().noneMatch(gone -> isWithin(gone, path))) {
                    problems.add(ProblemResponses.problemOf(e, prefix));
                }
            } catch (IOException e) {
                break;
            }
            if (path.isEmpty() || !leaveOut(rest, path)) {
                break;
            }
            leftOut.add(path);
        }
        return problems;
    }

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    private static boolean isWithin(List<JsonMappingException.Reference> inner, List<JsonMappingException.Reference> outer) {
        if (inner.size() < outer.size()) {
            return false;
        }
        for (int i = 0; i < outer.size(); i++) {
            if (!sameStep(inner.get(i), outer.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameStep(JsonMappingException.Reference a, JsonMappingException.Reference b) {
        return a.getIndex() == b.getIndex() && java.util.Objects.equals(a.getFieldName(), b.getFieldName());
    }

    /**
     * Takes the value at the path out of the JSON: a field is removed, a list element becomes
     * null (removing it would move the elements after it to other paths).
     */
    private static boolean leaveOut(JsonNode root, List<JsonMappingException.Reference> path) {
        JsonNode parent = root;
        for (JsonMappingException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getFieldName() != null ? parent.get(step.getFieldName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        if (last.getFieldName() != null && parent instanceof ObjectNode object && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (last.getIndex() >= 0 && parent instanceof ArrayNode array && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
