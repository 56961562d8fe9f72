package dev.gazette.akismet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** A token bucket per key: a steady rate with a minute's worth of burst, counted on this node. */
final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final Cache<Long, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimiter(int perMinute) {
        this.perSecond = perMinute / 60.0;
        this.burst = perMinute;
    }

    /** Zero when the request may go ahead; otherwise the seconds to wait before trying again. */
    long take(long keyId, long nowNanos) {
        return buckets.get(keyId, k -> new Bucket(burst, nowNanos)).take(nowNanos, perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - at) / 1e9 * perSecond);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
