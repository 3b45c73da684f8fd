package org.huzhu.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A decimal that is a share of an amount (a rate, a funder's share: 0.30 for 30%), not money:
 * a value that cannot be read is told what a proportion looks like, not what an amount does.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Proportion {
}
