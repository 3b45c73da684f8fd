package org.huzhu.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's problems by field name, so that a page shows each at its field: the first message a
 * field got, in the order they were found.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static Map<String, String> of(List<FieldProblem> problems) {
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach(problem -> byField.putIfAbsent(problem.field(), problem.message()));
        return byField;
    }
}
