package dev.gazette.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionException;

/**
 * Writes what arrives while SQLite's one writer is busy in one transaction with one commit: each piece of work in a
 * savepoint of its own, so that one failing turns away only its caller, and each caller returns once the shared commit
 * is on disk. With synchronous=FULL the commit's fsync was most of a reply's time on the writer; a batch pays it once.
 * A caller alone waits for no one: a batch is whatever queued while the previous one was written. On PostgreSQL, whose
 * concurrent commits already share their WAL flushes, each piece of work is a plain transaction of its own.
 */
public final class GroupCommit implements AutoCloseable {
    /** The most pieces of work one transaction takes. */
    public static final int BATCH = 64;
    private static final String SAVEPOINT = "grouped";

    private final Jdbi writes;
    private final boolean grouped;
    private final BlockingQueue<Work<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread writer;
    private boolean closed;

    private GroupCommit(Jdbi writes, boolean grouped) {
        this.writes = writes;
        this.grouped = grouped;
        this.writer = grouped ? new Thread(this::run, "gazette-group-commit") : null;
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** Batches on SQLite's one writer connection (the pool {@code writes} draws from holds one). */
    static GroupCommit batching(Jdbi writes) {
        return new GroupCommit(writes, true);
    }

    /** One transaction per piece of work: for PostgreSQL. */
    static GroupCommit direct(Jdbi writes) {
        return new GroupCommit(writes, false);
    }

    /**
     * Runs the work in a transaction and returns its result once that transaction committed; throws what the work
     * threw (only its own writes are undone), or the commit's failure (nothing of the work is kept). The work may
     * share its transaction with others', which it sees as written before it; it must use only the handle given.
     */
    public <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        if (!grouped) return writes.inTransaction(work);
        Work<T> w = new Work<>(work);
        synchronized (this) {
            if (closed) throw closing();
            pending.incrementAndGet();
            queue.add(w);
        }
        try {
            // Not interruptible: a caller learns whether its work was kept, and the writer or close() always answers.
            return w.done.join();
        } catch (CompletionException e) {
            // The failure as the work or the commit threw it, on the writer's thread.
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        } finally {
            pending.decrementAndGet();
        }
    }

    /** Transactions committed by batching, since start (none on PostgreSQL). */
    public long commits() {
        return commits.get();
    }

    /** Pieces of work those transactions kept: with {@link #commits()}, how many shared a commit. */
    public long committed() {
        return committed.get();
    }

    /** Pieces of work sent and not yet answered: queued, being written or waiting for their commit. */
    public int pending() {
        return pending.get();
    }

    /** Publishes the commits, the work they kept and the work waiting, on SQLite. */
    void measure(MeterRegistry registry) {
        if (!grouped) return;
        FunctionCounter.builder("gazette.group.commits", commits, AtomicLong::get)
                .description("SQLite write transactions committed for batches of replies").register(registry);
        FunctionCounter.builder("gazette.group.committed", committed, AtomicLong::get)
                .description("Replies those transactions kept").register(registry);
        Gauge.builder("gazette.group.pending", pending, AtomicInteger::get)
                .description("Replies sent and not yet answered").register(registry);
    }

    private void run() {
        List<Work<?>> batch = new ArrayList<>(BATCH);
        while (true) {
            Work<?> first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (first == STOP) return;
            batch.add(first);
            boolean stop = write(batch);
            batch.clear();
            if (stop) return;
        }
    }

    /** Writes the batch and whatever else queued meanwhile; true when the stop came with it. */
    private boolean write(List<Work<?>> batch) {
        boolean stop = false;
        try (Handle h = writes.open()) {
            // Taken only now: what queued while the connection was busy (another writer's transaction) comes along.
            queue.drainTo(batch, BATCH - 1);
            stop = batch.remove(STOP);
            try {
                commitTogether(h, batch);
            } catch (RuntimeException | Error e) {
                fail(batch, e);
                try {
                    // Jdbi already rolled back a COMMIT that failed (SQLite keeps the transaction open when, say, a
                    // deferred foreign key refuses it); this is for the other failures.
                    if (h.isInTransaction()) h.rollback();
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
        } catch (RuntimeException | Error e) {
            fail(batch, e); // no connection; or closing it failed, after every caller had its answer
        }
        return stop;
    }

    private void commitTogether(Handle h, List<Work<?>> batch) {
        h.begin();
        List<Finished> kept = new ArrayList<>(batch.size());
        for (Work<?> w : batch) {
            h.savepoint(SAVEPOINT);
            Object result;
            try {
                result = w.callback.withHandle(h);
            } catch (RuntimeException | Error e) {
                w.done.completeExceptionally(e);
                try {
                    h.rollbackToSavepoint(SAVEPOINT);
                } catch (RuntimeException gone) {
                    // SQLite ends the whole transaction on some failures (a full disk, an I/O error): no savepoint is
                    // left, and the work before this one is undone too.
                    TransactionException all = new TransactionException("Another reply's failure ended the shared"
                            + " transaction: " + Database.rootMessage(e), e);
                    all.addSuppressed(gone);
                    throw all;
                }
                // Jdbi forgets a savepoint rolled back to; SQLite keeps it on its stack until the commit, harmlessly.
                continue;
            }
            h.releaseSavepoint(SAVEPOINT);
            kept.add(new Finished(w, result));
        }
        if (kept.isEmpty()) {
            h.rollback();
            return;
        }
        h.commit();
        commits.incrementAndGet();
        committed.addAndGet(kept.size());
        for (Finished f : kept) f.complete();
    }

    /** Fails every caller of the batch still waiting, each with a failure of its own to throw. */
    private static void fail(List<Work<?>> batch, Throwable e) {
        for (Work<?> w : batch) {
            // The same exception thrown on many threads would gather their suppressed exceptions and stack traces.
            if (!w.done.isDone()) w.done.completeExceptionally(e instanceof TransactionException
                    ? new TransactionException(e.getMessage(), e.getCause() == null ? e : e.getCause())
                    : new TransactionException("The shared transaction failed: " + Database.rootMessage(e), e));
        }
    }

    private static RuntimeException closing() {
        return new IllegalStateException("The database is closing",
                new SQLNonTransientConnectionException("The database is closing"));
    }

    /**
     * Takes no more work, lets the writer finish what is queued (for a few seconds at most) and fails whatever it
     * could not take, so that no caller waits on a closed database.
     */
    @Override
    public void close() {
        if (!grouped) return;
        synchronized (this) {
            if (closed) return;
            closed = true;
            queue.add(STOP);
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Work<?>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Work<?> w : left) w.done.completeExceptionally(closing());
        writer.interrupt(); // still in a batch after the wait: it ends with that batch instead of waiting for more
    }

    private static final Work<Object> STOP = new Work<>(h -> null);

    /** A caller's work and what it is waiting for. */
    private static final class Work<T> {
        final HandleCallback<T, RuntimeException> callback;
        final CompletableFuture<T> done = new CompletableFuture<>();

        Work(HandleCallback<T, RuntimeException> callback) {
            this.callback = callback;
        }
    }

    /** Work that ran and whose result waits for the commit. */
    private record Finished(Work<?> work, Object result) {
        @SuppressWarnings("unchecked")
        void complete() {
            ((CompletableFuture<Object>) work.done).complete(result);
        }
    }
}
