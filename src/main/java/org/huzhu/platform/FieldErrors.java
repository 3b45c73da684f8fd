package org.huzhu.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A form's problems as its page shows them: at each field, the first message found for it.
 * Fields are named as the domain names them ({@code expenses.total}, {@code invoices[0].code}).
 * Templates read it as a map too ({@code errors['reason']}, {@code #maps.isEmpty(errors)}); it
 * changes only through {@link #add}.
 */
public final class FieldErrors extends AbstractMap<String, String> {

    private final Map<String, String> messages = new LinkedHashMap<>();

    public static FieldErrors none() {
        return new FieldErrors();
    }

    public static FieldErrors of(List<FieldProblem> problems) {
        return none().addAll(problems);
    }

    /** Adds the message at the field, unless the field has one already. */
    public FieldErrors add(String field, String message) {
        messages.putIfAbsent(field, message);
        return this;
    }

    public FieldErrors addAll(List<FieldProblem> problems) {
        return addAll(problems, UnaryOperator.identity());
    }

    /** Adds the problems, each at the field {@code renamed} gives, unless that field has one already. */
    public FieldErrors addAll(List<FieldProblem> problems, UnaryOperator<String> renamed) {
        problems.forEach(problem -> add(renamed.apply(problem.field()), problem.message()));
        return this;
    }

    /**
     * A date as typed on a form (2026-12-02), read; a message at the field when it is none. Blank
     * is no date, left to the checks that require one.
     */
    public LocalDate date(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            add(field, "日期格式应为 2026-12-02");
            return null;
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Collections.unmodifiableMap(messages).entrySet();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    /** The message at the field, or null. */
    public String of(String field) {
        return messages.get(field);
    }

    /** Every message, in the order found. */
    public List<String> all() {
        return new ArrayList<>(messages.values());
    }

    /** The fields with a message. */
    public List<String> fields() {
        return new ArrayList<>(messages.keySet());
    }

    /** The id of the field's message on the page, e.g. {@code error-expenses-total}. */
    public String id(String field) {
        return "error-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
