/**
 * A member's claim from intake to decision: the Claim aggregate, the automated pre-checks,
 * supplements, the agency and league decisions, the subsidy it is paid on and its history.
 */
package org.huzhu.claim;
