package dev.gazette.web;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the site's other nodes which pages to drop, after the change committed, the keys of a few milliseconds of
 * changes gathered into one notice. A notice sent inside a reply's transaction made PostgreSQL commit replies one at a
 * time, each through its own disk flush, and woke every listening node once per reply; gathered after the commit,
 * a busy article costs one notice per window however many replies it takes. The price: a node that dies between a
 * commit and the end of its window sends nothing, and the other nodes show those pages until their lifetime ends.
 */
public final class PurgeNotices implements Consumer<SurrogateKeys>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PurgeNotices.class);

    private final Consumer<String> send;
    private final Duration window;
    private final int maxPayload;
    private final ScheduledThreadPoolExecutor sender = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "gazette-purge-notices");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private Set<String> pending = new LinkedHashSet<>();
    private boolean scheduled;
    private boolean closed;

    /**
     * @param send       sends one notice's payload (space-separated keys) to the other nodes
     * @param window     how long keys gather before they go: the most a change's notice waits for company
     * @param maxPayload the longest payload sent; more keys go in several notices
     */
    public PurgeNotices(Consumer<String> send, Duration window, int maxPayload) {
        this.send = send;
        this.window = window;
        this.maxPayload = maxPayload;
        // On close the keys waiting for their window go at once, by close() itself.
        sender.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues the keys; they go with the next notice, at most one window from now. */
    @Override
    public void accept(SurrogateKeys keys) {
        synchronized (lock) {
            if (closed) return;
            pending.addAll(keys.keys());
            if (scheduled) return;
            scheduled = true;
        }
        try {
            sender.schedule(this::flush, window.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing meanwhile: close() sends what is pending, these keys included.
        }
    }

    private void flush() {
        Set<String> keys;
        synchronized (lock) {
            keys = pending;
            pending = new LinkedHashSet<>();
            scheduled = false;
        }
        for (String payload : payloads(keys)) {
            try {
                send.accept(payload);
            } catch (RuntimeException e) {
                // The other nodes' copies of these pages live out their lifetime; nothing else is lost.
                log.warn("Could not tell the other nodes to drop {} page keys: {}", keys.size(), e.getMessage());
                return;
            }
        }
    }

    // "site" drops everything, so it goes alone; otherwise as few payloads as fit under the limit.
    private List<String> payloads(Set<String> keys) {
        return keys.contains(SurrogateKeys.SITE) ? List.of(SurrogateKeys.SITE) : SurrogateKeys.joined(keys, maxPayload);
    }

    /** Sends what is still gathering, then stops: a node shutting down tells the others what it changed last. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        sender.shutdown();
        try {
            if (!sender.awaitTermination(5, TimeUnit.SECONDS)) sender.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
