package dev.gazette.web;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's platform-thread pool, set for few hand-offs per request. A WordPress site checks a comment every few dozen
 * milliseconds, each on a new connection; with Jetty's default pool a reserved thread is parked to be handed the
 * selector, one more wake-up per request, and on a busy machine every wake-up is a context switch into cold caches.
 * Reserved threads pay only when requests come faster than a pooled thread is woken, which this site's are not.
 */
final class LowRateJetty {
    /** The pool's threads' names (Jetty's default is a hash code), so that a thread dump says whose they are. */
    static final String NAME = "gazette-http";
    // Javalin's own figures for the pool: 250 threads at most, 8 kept, a minute's idle timeout.
    private static final int MAX_THREADS = 250;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private LowRateJetty() {}

    /** The pool, without reserved threads. */
    static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_TIMEOUT_MS);
        pool.setName(NAME);
        pool.setReservedThreads(0);
        return pool;
    }
}
