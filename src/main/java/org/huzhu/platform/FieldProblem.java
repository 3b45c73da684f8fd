package org.huzhu.platform;

/**
 * One thing wrong with a request: the JSON path of the field, a stable code for programs
 * and a sentence in Chinese for the person at the counter.
 */
public record FieldProblem(String field, String code, String message) {

    /** Text longer than the field takes ({@link TextLimit}). */
    public static FieldProblem tooLong(String field, int limit) {
        return new FieldProblem(field, "TOO_LONG", "最多" + limit + "个字");
    }
}
