package org.huzhu.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInLocksTest {

    @Test
    void aFewTyposCostNothingThenEachWrongPasswordLocksLongerUpToAnHour() {
        for (int failures = 1; failures <= 4; failures++) {
            assertThat(SignInLocks.lockAfter(failures)).isZero();
        }
        assertThat(SignInLocks.lockAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(SignInLocks.lockAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(SignInLocks.lockAfter(7)).isEqualTo(Duration.ofMinutes(20));
        assertThat(SignInLocks.lockAfter(8)).isEqualTo(Duration.ofMinutes(40));
        assertThat(SignInLocks.lockAfter(9)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInLocks.lockAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInLocks.lockAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }
}
