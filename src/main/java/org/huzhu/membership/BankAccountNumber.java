package org.huzhu.membership;

/**
 * A bank account or card number: 12 to 30 digits. Most cards carry a Luhn check digit, but
 * some real Chinese debit cards do not, so a failed Luhn check only warns the auditor.
 */
public final class BankAccountNumber {

    private BankAccountNumber() {
    }

    public static boolean isWellFormed(String number) {
        return number != null && number.matches("\\d{12,30}");
    }

    public static boolean passesLuhn(String number) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Only the last four digits are shown where the full number is not needed. */
    public static String mask(String number) {
        if (number == null || number.length() < 4) {
            return "****";
        }
        return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
    }
}
