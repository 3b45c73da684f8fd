package org.huzhu.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects field problems while a request is checked, so the caller hears all of them at once. */
public final class Problems {

    private final List<FieldProblem> found = new ArrayList<>();

    public Problems add(String field, String code, String message) {
        found.add(new FieldProblem(field, code, message));
        return this;
    }

    /** Problems found by another check, to be told with these. */
    public Problems addAll(List<FieldProblem> others) {
        found.addAll(others);
        return this;
    }

    public boolean has(String field) {
        return found.stream().anyMatch(p -> p.field().equals(field));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The first problem's message, e.g. for a row of an imported list that has one reason. */
    public java.util.Optional<String> firstMessage() {
        return found.stream().findFirst().map(FieldProblem::message);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
