/**
 * Paying approved subsidies to members' bank accounts, exactly once per claim.
 */
package org.huzhu.payout;
