package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void allowsAMinutesBurstThenAsksToWait() {
        RateLimiter<Long> limiter = new RateLimiter<>(Duration.ofMinutes(10));
        RateLimiter.Rate rate = RateLimiter.Rate.perMinute(60);
        for (int i = 0; i < 60; i++) assertThat(limiter.take(1L, rate, 0)).isZero();
        assertThat(limiter.take(1L, rate, 0)).isEqualTo(1);
        assertThat(limiter.take(2L, rate, 0)).as("other keys have their own bucket").isZero();
        assertThat(limiter.take(1L, rate, SECOND)).as("one token back after a second").isZero();
        assertThat(limiter.take(1L, rate, SECOND)).isPositive();
    }

    @Test
    void anHourlyRateAllowsASixthAtOnceAndSaysHowLongToWait() {
        RateLimiter<String> limiter = new RateLimiter<>(Duration.ofHours(1));
        RateLimiter.Rate rate = RateLimiter.Rate.perHour(30);
        for (int i = 0; i < 5; i++) assertThat(limiter.take("a", rate, 0)).isZero();
        assertThat(limiter.take("a", rate, 0)).as("one token every 120 s").isEqualTo(120);
        assertThat(limiter.take("a", rate, 120 * SECOND)).isZero();
    }
}
