package org.huzhu.membership;

/**
 * Which schemes a member can be enrolled in. Implemented by the {@code scheme} module, which owns
 * the schemes: membership cannot call it, since scheme depends on membership (a rule set is an
 * organiser's), so membership names what it needs and scheme answers.
 */
public interface SchemeCodes {

    boolean exists(String code);
}
