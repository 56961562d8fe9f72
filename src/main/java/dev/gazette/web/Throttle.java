package dev.gazette.web;

import java.time.Duration;

/**
 * Token buckets by key, wherever they are counted: in this node's memory (one node, SQLite), or in the database
 * every node shares (several nodes on PostgreSQL), so a limit means the same whichever node a request reaches.
 */
@FunctionalInterface
public interface Throttle {
    /** Zero when the request may go ahead; otherwise the whole seconds to wait before one would. */
    long take(String key, RateLimiter.Rate rate, long nowNanos);

    /** Buckets in this node's memory, each kept {@code idle} after its last use. */
    static Throttle inMemory(Duration idle) {
        RateLimiter<String> limiter = new RateLimiter<>(idle);
        return limiter::take;
    }
}
