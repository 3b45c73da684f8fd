package org.huzhu.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The longest text a request field takes. Every text field of a request body has a limit:
 * {@link #DEFAULT} unless the field says otherwise with this annotation (free text such as a
 * reason). Query parameters of our API take {@link #DEFAULT} too. A field's own rule may be
 * stricter (a person's name: 50); this is the ceiling that holds where no rule says more, so
 * that nothing unbounded reaches the database, the engine or an answer that echoes it. Over
 * the limit, the field answers {@link FieldProblem#tooLong}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface TextLimit {

    /** Codes, numbers, names, one line of text. */
    int DEFAULT = 200;

    int value();
}
