package org.huzhu.workflow;

import java.util.Set;

/**
 * The clerk's FixAccount task, open after the bank returned a transfer, and the fields of
 * forms/fix-account.form it is completed with, in Tasklist or through our API.
 */
public final class FixAccountTask {

    public static final String KEY = "FixAccount";
    public static final String BANK_NAME = "bankName";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String ACCOUNT_NAME = "accountName";
    /** Personal values: stored on the claim by {@link FixBankAccount}, never in the engine's history. */
    static final Set<String> FIELDS = Set.of(BANK_NAME, ACCOUNT_NUMBER, ACCOUNT_NAME);

    private FixAccountTask() {
    }
}
