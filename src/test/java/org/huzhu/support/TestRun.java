package org.huzhu.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Registered for every test class (META-INF/services): puts the engine on the test clock before
 * any application starts, and names the data seed when a test fails.
 */
public class TestRun implements BeforeAllCallback, TestWatcher {

    private static volatile boolean clockSet;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!clockSet) {
            EngineTime.reset();
            clockSet = true;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.err.printf("%s failed; test data seed %d (replay: -Dhuzhu.test.seed=%d)%n",
                context.getDisplayName(), TestSeed.SEED, TestSeed.SEED);
    }
}
