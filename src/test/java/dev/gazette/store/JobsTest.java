package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class JobsTest {
    private static final Duration OFTEN = Duration.ofMillis(50);

    @Test
    void onPostgresAOneNodeJobRunsOnOneNodeAndAnotherTakesOverWhenItsLeaderStops() throws Exception {
        String url = TestDatabases.postgresUrl();
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        AtomicInteger eachA = new AtomicInteger();
        AtomicInteger eachB = new AtomicInteger();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url)) {
            Jobs a = new Jobs(dbA).every("poll", Duration.ZERO, OFTEN, onA::incrementAndGet, Jobs.Scope.ONE_NODE)
                    .every("follow", Duration.ZERO, OFTEN, eachA::incrementAndGet, Jobs.Scope.EACH_NODE);
            Jobs b = new Jobs(dbB).every("poll", Duration.ZERO, OFTEN, onB::incrementAndGet, Jobs.Scope.ONE_NODE)
                    .every("follow", Duration.ZERO, OFTEN, eachB::incrementAndGet, Jobs.Scope.EACH_NODE);
            a.start();
            b.start();
            try {
                await(() -> eachA.get() > 10 && eachB.get() > 10);
                assertThat(a.leads("poll")).as("the first node to start leads").isTrue();
                assertThat(b.leads("poll")).isFalse();
                assertThat(onA.get()).isPositive();
                assertThat(onB.get()).as("the other node never ran the one-node job").isZero();

                a.close(); // the leader's connection ends, and its lock with it
                int before = onA.get();
                await(() -> onB.get() > 0);
                assertThat(b.leads("poll")).isTrue();
                assertThat(onA.get()).as("a stopped node runs nothing").isEqualTo(before);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    @Test
    void onPostgresALostLeaderConnectionHandsTheJobOnWithoutTwoNodesRunningIt() throws Exception {
        String url = TestDatabases.postgresUrl();
        AtomicInteger onA = new AtomicInteger();
        AtomicInteger onB = new AtomicInteger();
        try (Database dbA = Database.open(url); Database dbB = Database.open(url);
             Jobs a = new Jobs(dbA).every("poll", Duration.ZERO, OFTEN, onA::incrementAndGet, Jobs.Scope.ONE_NODE);
             Jobs b = new Jobs(dbB).every("poll", Duration.ZERO, OFTEN, onB::incrementAndGet, Jobs.Scope.ONE_NODE)) {
            a.start();
            b.start();
            assertThat(a.leads("poll")).isTrue();
            // As when the network drops the leader's session: the server ends it, and the lock goes with it.
            dbB.writes().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(pid) FROM pg_locks"
                    + " WHERE locktype = 'advisory' AND classid = :gazette AND granted").bind("gazette", LockKeys.GAZETTE)
                    .mapTo(Boolean.class).list());
            await(() -> !a.leads("poll"));
            int aBefore = onA.get();
            int bBefore = onB.get();
            // Whichever node claims first leads from then on; the job goes on, and never on both.
            await(() -> onA.get() + onB.get() > aBefore + bBefore + 5);
            assertThat(a.leads("poll") ^ b.leads("poll")).as("exactly one node leads").isTrue();
            int stillA = onA.get();
            int stillB = onB.get();
            Thread.sleep(300);
            assertThat(onA.get() > stillA && onB.get() > stillB).as("not both running it").isFalse();
        }
    }

    @Test
    void onSqliteEveryJobJustRuns() throws Exception {
        AtomicInteger one = new AtomicInteger();
        AtomicInteger each = new AtomicInteger();
        try (Database db = TestDatabases.sqlite();
             Jobs jobs = new Jobs(db).every("poll", Duration.ZERO, OFTEN, one::incrementAndGet, Jobs.Scope.ONE_NODE)
                     .every("follow", Duration.ZERO, OFTEN, each::incrementAndGet, Jobs.Scope.EACH_NODE)) {
            jobs.start();
            await(() -> one.get() > 2 && each.get() > 2);
            assertThat(jobs.leads("poll")).isTrue();
        }
    }

    @Test
    void aFailingRunDoesNotStopTheJob() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        try (Database db = TestDatabases.sqlite();
             Jobs jobs = new Jobs(db).every("flaky", Duration.ZERO, OFTEN, () -> {
                 runs.incrementAndGet();
                 throw new IllegalStateException("the feed's server is down");
             }, Jobs.Scope.ONE_NODE)) {
            jobs.start();
            await(() -> runs.get() > 2);
        }
    }

    @Test
    void closeWaitsForARunInProgress() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        try (Database db = TestDatabases.sqlite()) {
            Jobs jobs = new Jobs(db).every("slow", Duration.ZERO, Duration.ofHours(1), () -> {
                started.incrementAndGet();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                finished.incrementAndGet();
            }, Jobs.Scope.EACH_NODE);
            jobs.start();
            await(() -> started.get() == 1);
            jobs.close();
            assertThat(finished.get()).as("the run ended before close returned").isEqualTo(1);
        }
    }

    /** Waits for a condition, at most about a minute: what "another node takes over within a minute" allows. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("not within a minute");
            Thread.sleep(20);
        }
    }
}
