/**
 * Paying approved subsidies to members' bank accounts, exactly once per claim: instructions,
 * batches and the bank's files, returns, the funders' shares, the fund and its reconciliation.
 * Owns the tables {@code payment}, {@code payment_instruction}, {@code payment_instruction_event},
 * {@code payment_funder_share}, {@code payment_batch}, {@code bank_result_file} and
 * {@code fund_contribution}.
 */
package org.huzhu.payout;
