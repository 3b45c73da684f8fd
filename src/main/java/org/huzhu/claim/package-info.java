/**
 * A member's claim from intake to decision: the Claim aggregate, the automated pre-checks,
 * supplements, the agency and league decisions, the subsidy it is paid on and its history. Owns
 * the tables {@code claim}, {@code claim_invoice}, {@code invoice_holder}, {@code claim_document},
 * {@code claim_event} and the member notices' outbox {@code notification}.
 */
package org.huzhu.claim;
