package org.huzhu.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.huzhu.membership.ResidentIdNumber;

/** Fresh, valid resident ID numbers, one per call, so tests never share a member. */
public final class TestIds {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000));

    private TestIds() {
    }

    public static String idNumber(char sex) {
        return idNumber(sex, LocalDate.of(1960, 1, 1).plusDays(NEXT.get() % 12000));
    }

    /** A number for someone born on the day, for rules that look at age. */
    public static String idNumber(char sex, LocalDate birth) {
        int n = NEXT.incrementAndGet();
        int sequence = (n % 50) * 10 + (sex == 'M' ? 1 : 2) + 2 * (n % 4);
        String first17 = "410502" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    public static String idNumber() {
        return idNumber('M');
    }

    public static String code(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet();
    }
}
