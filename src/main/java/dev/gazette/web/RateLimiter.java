package dev.gazette.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * A token bucket per key, counted on this node. The rate is given on each call, so a limit changed in the
 * newsroom applies to buckets already filling.
 *
 * @param <K> what is limited: an API key, a client address, a network
 */
public final class RateLimiter<K> {
    private final Cache<K, Bucket> buckets;

    /** @param idle how long a key's bucket is kept after its last use; at least the time a full bucket takes to refill */
    public RateLimiter(Duration idle) {
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idle).build();
    }

    /** Zero when the request may go ahead; otherwise the whole seconds to wait before one would. */
    public long take(K key, Rate rate, long nowNanos) {
        return buckets.get(key, k -> new Bucket(rate.burst(), nowNanos)).take(nowNanos, rate);
    }

    /**
     * How fast a bucket refills and how much it holds.
     *
     * @param burst     requests allowed at once after a quiet spell
     * @param perSecond the steady rate after that
     */
    public record Rate(double burst, double perSecond) {
        public Rate {
            if (!(burst >= 1) || !(perSecond > 0)) throw new IllegalArgumentException("burst >= 1 and perSecond > 0");
        }

        /** {@code perMinute} a minute, all of them at once if saved up. */
        public static Rate perMinute(int perMinute) {
            return new Rate(perMinute, perMinute / 60.0);
        }

        /** {@code perHour} an hour, with ten minutes' worth (a sixth) allowed at once. */
        public static Rate perHour(int perHour) {
            return new Rate(Math.max(1, perHour / 6), perHour / 3600.0);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now, Rate rate) {
            tokens = Math.min(rate.burst(), tokens + (now - at) / 1e9 * rate.perSecond());
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rate.perSecond());
        }
    }
}
