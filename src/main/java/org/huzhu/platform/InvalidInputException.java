package org.huzhu.platform;

import java.util.List;

/** Input that breaks a rule; answered as 400 with every problem found, nothing stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldProblem(field, code, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
