package dev.gazette.store;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Holds a database's writer connection on a thread of its own until closed: on SQLite, writes sent meanwhile queue
 * (what group commit gathers into one transaction); on PostgreSQL it holds one connection of many and stops nothing.
 */
public final class WriterHold implements AutoCloseable {
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    private WriterHold(Database db) {
        thread = new Thread(() -> db.writes().useHandle(h -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "writer-hold");
        thread.start();
    }

    /** Returns once the writer connection is held. */
    public static WriterHold hold(Database db) throws InterruptedException {
        WriterHold hold = new WriterHold(db);
        if (!hold.held.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the writer was never free");
        return hold;
    }

    /** Waits until this many pieces of grouped work were sent and are not yet answered (on SQLite). */
    public static void untilPending(Database db, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.grouped().pending() != count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(db.grouped().pending() + " pending, not " + count);
            }
            Thread.sleep(5);
        }
    }

    /** What a piece of work sent while the writer was held failed with; an error if it did not fail. */
    public static Throwable failureOf(Future<?> sent) throws InterruptedException {
        try {
            sent.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        thread.join();
    }
}
