/**
 * Schemes and their versioned rule sets (what they say, the checks a new version must pass),
 * and the subsidy calculation. Everything but the {@code RuleSets} repository is plain Java
 * with no framework, so the quote, the process and the tests all use the same code. Owns the
 * tables {@code scheme} and {@code rule_set}.
 */
package org.huzhu.scheme;
