package dev.gazette.akismet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records checks in batches. A check must answer in well under a millisecond, and a durable write each would
 * cap the API at the disk's sync rate; so checks queue in memory and are written together every
 * {@link #FLUSH_EVERY} (a job on each node: the queue is the node's own). A crash loses at most that much of the counters and of the feedback trail, never a
 * verdict (verdicts are answered, not stored).
 */
final class CheckLog implements AutoCloseable {
    static final Duration FLUSH_EVERY = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(CheckLog.class);

    private final AkismetStore store;
    private final Clock clock;
    private final Duration retention;
    private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();

    CheckLog(AkismetStore store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    void add(Entry entry) {
        pending.add(entry);
    }

    /** Writes what is queued; also called before feedback looks a check up, so nothing recent is missed. */
    synchronized void flush() {
        List<Entry> batch = new ArrayList<>();
        for (Entry e; (e = pending.poll()) != null; ) batch.add(e);
        store.record(batch);
    }

    void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Akismet check log could not be written; retrying", e);
        }
    }

    /** Deletes checks past their retention: a job for one node, hourly. */
    void purge() {
        try {
            store.deleteChecksBefore(clock.instant().minus(retention));
        } catch (RuntimeException e) {
            log.warn("Old Akismet checks could not be deleted; retrying in an hour", e);
        }
    }

    @Override
    public void close() {
        flushQuietly();
    }

    /**
     * One check: whose, when, the verdict, and the parameters it was made with.
     *
     * @param keep false for test calls, which count but leave no trail
     */
    record Entry(String guid, long keyId, Instant at, boolean spam, AkismetParams params, boolean keep) {}
}
