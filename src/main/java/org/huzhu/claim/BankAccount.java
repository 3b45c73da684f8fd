package org.huzhu.claim;

import org.huzhu.membership.BankAccountNumber;

/** Where the subsidy goes. */
public record BankAccount(String bankName, String accountNumber, String accountName) {

    public String maskedNumber() {
        return BankAccountNumber.mask(accountNumber);
    }

    /** A failed Luhn check is shown to the auditor as a warning; some real cards fail it. */
    public boolean passesLuhn() {
        return BankAccountNumber.passesLuhn(accountNumber);
    }

    @Override
    public String toString() {
        return bankName + " " + maskedNumber();
    }
}
