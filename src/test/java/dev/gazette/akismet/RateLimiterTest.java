package dev.gazette.akismet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void allowsAMinutesBurstThenAsksToWait() {
        RateLimiter limiter = new RateLimiter(60);
        for (int i = 0; i < 60; i++) assertThat(limiter.take(1, 0)).isZero();
        assertThat(limiter.take(1, 0)).isEqualTo(1);
        assertThat(limiter.take(2, 0)).as("other keys have their own bucket").isZero();
        assertThat(limiter.take(1, SECOND)).as("one token back after a second").isZero();
        assertThat(limiter.take(1, SECOND)).isPositive();
    }
}
