package org.huzhu.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.huzhu.membership.ResidentIdNumber;

/** Fresh, valid resident ID numbers, one per call, so tests never share a member. */
public final class TestIds {

    private static final AtomicInteger NEXT = new AtomicInteger(TestSeed.pick("codes", 5000));
    // The demo's members have sequences 001 to 003; tests start at 010 so they never meet one.
    private static final int FIRST_PAIR = 5;
    private static final int SEQUENCES_PER_DAY = 500 - FIRST_PAIR;
    private static final Map<String, AtomicInteger> SEQUENCES = new ConcurrentHashMap<>();

    private TestIds() {
    }

    public static String idNumber(char sex) {
        return idNumber(sex, LocalDate.of(1960, 1, 1).plusDays(NEXT.get() % 12000));
    }

    /** A number for someone born on the day, for rules that look at age. */
    public static String idNumber(char sex, LocalDate birth) {
        // The sequence's last digit is odd for men and even for women: 495 numbers per birthday
        // and sex, handed out in turn from a start fixed by the run's seed, so no two calls of a run share one.
        int n = SEQUENCES.computeIfAbsent(birth + "/" + sex,
                key -> new AtomicInteger(TestSeed.pick(key, SEQUENCES_PER_DAY))).getAndIncrement();
        int sequence = (FIRST_PAIR + n % SEQUENCES_PER_DAY) * 2 + (sex == 'M' ? 1 : 0);
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
