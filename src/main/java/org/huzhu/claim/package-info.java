/**
 * A member's claim from intake to decision: the Claim aggregate, the automated pre-checks,
 * supplements, the agency and league decisions, the subsidy it is paid on and its history. Owns
 * the tables {@code claim}, {@code claim_invoice}, {@code invoice_holder}, {@code claim_document}
 * and {@code claim_event}; what it tells the member goes to the {@code notification} outbox. A claim keeps from its
 * intake what never changes on its member, agency and scheme and what its lists and the approval
 * routing show (the member's name and masked ID number, the agency code, the benefit kind).
 * Who may add and read the files of a claim's papers is decided here ({@code ClaimPapers}); the
 * files themselves are {@code papers}'.
 */
package org.huzhu.claim;
