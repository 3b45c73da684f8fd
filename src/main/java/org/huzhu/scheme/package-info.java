/**
 * Schemes and their versioned rule sets, and the subsidy calculation. The calculation is plain
 * Java with no framework, so the quote, the process and the tests all use the same code.
 */
package org.huzhu.scheme;
