package org.huzhu.membership;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character resident ID number (GB 11643): six area digits, the birth date, a
 * three-digit sequence whose parity gives the sex, and an ISO 7064 MOD 11-2 check
 * character. Hong Kong, Macau and Taiwan residence permits share the format.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses a number as typed at the counter (a lower-case x means X); empty when it is not valid. */
    public static Optional<ResidentIdNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip().toUpperCase();
        if (!candidate.matches("\\d{17}[\\dX]")) {
            return Optional.empty();
        }
        if (candidate.charAt(17) != checkCharacter(candidate.substring(0, 17))) {
            return Optional.empty();
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(candidate.substring(6, 10)),
                    Integer.parseInt(candidate.substring(10, 12)), Integer.parseInt(candidate.substring(12, 14)));
            if (birth.getYear() < 1900) {
                return Optional.empty();
            }
            return Optional.of(new ResidentIdNumber(candidate, birth));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The check character for the first seventeen digits. */
    public static char checkCharacter(String firstSeventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (firstSeventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    /** First six and last four characters, as PIPL asks where the full value is not needed. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return "****";
        }
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The sequence's last digit is odd for men, even for women. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F;
    }

    public String masked() {
        return mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
