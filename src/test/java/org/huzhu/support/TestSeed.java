package org.huzhu.support;

/**
 * The seed of a run's test data (ID numbers, codes, years). A failing test prints it, and
 * {@code -Dhuzhu.test.seed=N} runs the suite again on the same data.
 */
public final class TestSeed {

    public static final long SEED = Long.getLong("huzhu.test.seed", System.nanoTime() & 0xFFFFFFFFL);

    private TestSeed() {
    }

    /** A number in [0, bound) fixed by the seed and the key: the same key gives the same number in a replay. */
    public static int pick(String key, int bound) {
        long mixed = SEED * 0x9E3779B97F4A7C15L + key.hashCode();
        mixed ^= mixed >>> 31;
        return (int) Math.floorMod(mixed, (long) bound);
    }
}
