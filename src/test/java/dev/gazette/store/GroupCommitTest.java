package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Group commit on SQLite's one writer: real files, the writer held busy so that work queues deterministically. */
class GroupCommitTest {
    private Database db;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        db = TestDatabases.sqlite();
        // A deferred foreign key is checked at COMMIT: a way to make a real COMMIT fail.
        db.writes().useHandle(h -> h.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE,"
                + " parent INTEGER REFERENCES probe (id) DEFERRABLE INITIALLY DEFERRED)"));
    }

    @AfterEach
    void tearDown() {
        callers.shutdownNow();
        db.close();
    }

    private static HandleCallback<Long, RuntimeException> insert(String word) {
        return h -> h.createQuery("INSERT INTO probe (word) VALUES (:w) RETURNING id").bind("w", word)
                .mapTo(Long.class).one();
    }

    private Future<Long> send(HandleCallback<Long, RuntimeException> work) {
        return callers.submit(() -> db.grouped().inTransaction(work));
    }

    /**
     * Sends the work while the writer is held: the first is taken (and waits for the connection), the rest queue, one
     * after the other in the order given.
     */
    private List<Future<Long>> sendTogether(List<HandleCallback<Long, RuntimeException>> work) throws Exception {
        List<Future<Long>> sent = new ArrayList<>();
        try (WriterHold hold = WriterHold.hold(db)) {
            for (int i = 0; i < work.size(); i++) {
                sent.add(send(work.get(i)));
                WriterHold.untilPending(db, i + 1);
            }
        }
        return sent;
    }

    private List<String> words() {
        return db.reads().withHandle(h -> h.createQuery("SELECT word FROM probe ORDER BY id").mapTo(String.class).list());
    }

    @Test
    void workQueuedWhileTheWriterIsBusySharesOneCommit() throws Exception {
        List<Future<Long>> sent = sendTogether(List.of(insert("a"), insert("b"), insert("c"), insert("d"), insert("e")));
        for (Future<Long> f : sent) assertThat(f.get()).isPositive();

        assertThat(db.grouped().commits()).isEqualTo(1);
        assertThat(db.grouped().committed()).isEqualTo(5);
        assertThat(words()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aBatchTakesAtMostItsBound() throws Exception {
        List<HandleCallback<Long, RuntimeException>> work = new ArrayList<>();
        for (int i = 0; i < GroupCommit.BATCH + 6; i++) work.add(insert("w" + i));
        for (Future<Long> f : sendTogether(work)) f.get();

        assertThat(db.grouped().commits()).isEqualTo(2);
        assertThat(db.grouped().committed()).isEqualTo(GroupCommit.BATCH + 6);
    }

    @Test
    void aLoneCallerIsCommittedAndVisibleToAnotherConnectionWhenItReturns() throws Exception {
        long id = db.grouped().inTransaction(insert("alone"));

        assertThat(wordSeenElsewhere(id)).isEqualTo("alone");
        assertThat(db.grouped().commits()).isEqualTo(1);
    }

    @Test
    void eachCallerOfABatchSeesItsRowFromAnotherConnectionWhenItReturns() throws Exception {
        List<Future<Long>> sent = new ArrayList<>();
        try (WriterHold hold = WriterHold.hold(db)) {
            for (String w : List.of("x", "y", "z")) {
                sent.add(callers.submit(() -> {
                    long id = db.grouped().inTransaction(insert(w));
                    return wordSeenElsewhere(id).equals(w) ? id : -1;
                }));
                if (w.equals("x")) WriterHold.untilPending(db, 1);
            }
            WriterHold.untilPending(db, 3);
        }
        for (Future<Long> f : sent) assertThat(f.get()).isPositive();
        assertThat(db.grouped().commits()).isEqualTo(1);
    }

    // A connection of its own, outside both pools.
    private String wordSeenElsewhere(long id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT word FROM probe WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    @Test
    void aFailingPieceOfABatchFailsAloneAndTheOthersAreKept() throws Exception {
        IllegalStateException refused = new IllegalStateException("the outbox refused");
        List<Future<Long>> sent = sendTogether(List.of(
                insert("a"),
                insert("a"), // a unique violation
                insert("b"),
                h -> {
                    h.inTransaction(inner -> insert("c").withHandle(inner)); // joins the shared transaction
                    throw refused;
                },
                insert("d")));

        assertThat(sent.get(0).get()).isPositive();
        assertThat(WriterHold.failureOf(sent.get(1))).satisfies(e -> assertThat(Database.isUniqueViolation(e)).isTrue());
        assertThat(sent.get(2).get()).isPositive();
        assertThat(WriterHold.failureOf(sent.get(3))).isSameAs(refused);
        assertThat(sent.get(4).get()).isPositive();
        assertThat(words()).containsExactly("a", "b", "d");
        assertThat(db.grouped().commits()).isEqualTo(1);
    }

    @Test
    void aFailedCommitFailsEveryPieceOfTheBatchAndKeepsNone() throws Exception {
        List<Future<Long>> sent = sendTogether(List.of(
                insert("a"),
                h -> h.createQuery("INSERT INTO probe (word, parent) VALUES ('orphan', 999) RETURNING id")
                        .mapTo(Long.class).one(), // the deferred key fails only at COMMIT
                insert("b")));

        for (Future<Long> f : sent) {
            assertThat(WriterHold.failureOf(f)).hasStackTraceContaining("FOREIGN KEY constraint failed");
        }
        assertThat(words()).isEmpty();
        assertThat(db.grouped().commits()).isZero();

        // The writer is not left inside the failed transaction: the next reply and other writers go on.
        assertThat(db.grouped().inTransaction(insert("after"))).isPositive();
        db.writes().useHandle(h -> h.execute("INSERT INTO probe (word) VALUES ('another writer')"));
        assertThat(words()).containsExactly("after", "another writer");
    }

    @Test
    void closingFinishesWhatQueuedThenTurnsCallersAwayAsUnavailable() throws Exception {
        List<Future<Long>> sent = new ArrayList<>();
        CompletableFuture<Void> closed;
        try (WriterHold hold = WriterHold.hold(db)) {
            sent.add(send(insert("a")));
            WriterHold.untilPending(db, 1);
            sent.add(send(insert("b")));
            WriterHold.untilPending(db, 2);
            closed = CompletableFuture.runAsync(() -> db.grouped().close());
        }
        closed.get();
        for (Future<Long> f : sent) assertThat(f.get()).isPositive();
        assertThat(words()).containsExactly("a", "b");

        assertThatThrownBy(() -> db.grouped().inTransaction(insert("late")))
                .satisfies(e -> assertThat(Database.isUnavailable(e)).isTrue());
    }

    @Test
    void otherWritersQueueOnTheSameConnectionAndStillWrite() throws Exception {
        Future<?> other;
        List<Future<Long>> sent = new ArrayList<>();
        try (WriterHold hold = WriterHold.hold(db)) {
            sent.add(send(insert("reply")));
            WriterHold.untilPending(db, 1);
            other = callers.submit(() -> db.writes().useTransaction(h -> h.execute(
                    "INSERT INTO probe (word) VALUES ('moderation')")));
        }
        other.get();
        for (Future<Long> f : sent) f.get();
        assertThat(words()).containsExactlyInAnyOrder("reply", "moderation");
    }

    @Test
    void publishesCommitsAndRepliesPerCommitAsMetrics() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        db.measure(registry);
        for (Future<Long> f : sendTogether(List.of(insert("a"), insert("b"), insert("c")))) f.get();

        assertThat(registry.get("gazette.group.commits").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("gazette.group.committed").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("gazette.group.pending").gauge().value()).isZero();
    }

    @Test
    void onPostgresEachPieceIsATransactionOfItsOwn() {
        try (Database pg = TestDatabases.postgres()) {
            long one = pg.grouped().inTransaction(h -> h.createQuery("SELECT 1").mapTo(Long.class).one());
            assertThat(one).isEqualTo(1);
            assertThat(pg.grouped().commits()).isZero();
        }
    }
}
