package dev.gazette.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.spam.ModelStore;
import dev.gazette.spam.ShieldSettings;
import dev.gazette.spam.SpamShield;
import dev.gazette.spam.Submission;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.TestDatabases;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShieldStoreTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void snapshotsGetANewVersionAndDropTheLogTheyInclude(Dialect dialect) {
        try (Database db = TestDatabases.of(dialect)) {
            ShieldStore store = new ShieldStore(db, Clock.systemUTC());
            assertThat(store.snapshotVersion()).isZero();
            long first = store.append(new byte[] {1});
            long second = store.append(new byte[] {2});
            assertThat(second).isGreaterThan(first);
            long v1 = store.saveSnapshot(new ModelStore.Snapshot(new byte[] {9}, first), 0).orElseThrow();
            assertThat(store.snapshotVersion()).isEqualTo(v1).isPositive();
            assertThat(store.entriesAfter(0)).extracting(ModelStore.LogEntry::sequence).containsExactly(second);
            // Compare and set: a save that expects an older version (another node saved since) changes nothing.
            assertThat(store.saveSnapshot(new ModelStore.Snapshot(new byte[] {7}, second), 0)).isEmpty();
            assertThat(store.saveSnapshot(new ModelStore.Snapshot(new byte[] {7}, second), v1 + 5)).isEmpty();
            assertThat(store.entriesAfter(0)).hasSize(1);
            long v2 = store.saveSnapshot(new ModelStore.Snapshot(new byte[] {8}, second), v1).orElseThrow();
            assertThat(v2).isGreaterThan(v1);
            assertThat(store.latestSnapshot().orElseThrow().model()).containsExactly(8);
            assertThat(store.entriesAfter(0)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twoNodesOnOneDatabaseLearnFromEachOther(Dialect dialect) throws Exception {
        try (Database db = TestDatabases.of(dialect)) {
            ShieldSettings settings = ShieldSettings.defaults().withSnapshotEvery(2).withMinExamplesPerClass(1);
            SpamShield a = SpamShield.open(settings, new ShieldStore(db, Clock.systemUTC()));
            SpamShield b = SpamShield.open(settings, new ShieldStore(db, Clock.systemUTC()));
            a.learn(Submission.of("cheap pills at pills.example.top"), true);
            b.learn(Submission.of("the council vote was close"), false);
            a.learn(Submission.of("casino bonus at spin.example.club"), true);
            b.learn(Submission.of("thanks for naming the source"), false);
            a.catchUp();
            b.catchUp();
            assertThat(a.stats().spamLearned()).isEqualTo(2);
            assertThat(a.stats().hamLearned()).isEqualTo(2);
            assertThat(b.stats()).isEqualTo(a.stats());
            SpamShield restarted = SpamShield.open(settings, new ShieldStore(db, Clock.systemUTC()));
            assertThat(restarted.stats()).isEqualTo(a.stats());
            Submission probe = Submission.of("pills and casino bonus");
            assertThat(restarted.check(probe).spamProbability()).isEqualTo(a.check(probe).spamProbability());
        }
    }

    @Test
    void onPostgresAnAppendWaitsForTheOneInFlightSoEntriesCommitInSequenceOrder() throws Exception {
        try (Database db = TestDatabases.postgres(); Handle inFlight = db.writes().open()) {
            ShieldStore store = new ShieldStore(db, Clock.systemUTC());
            inFlight.begin();
            inFlight.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) locked")
                    .bind("key", ShieldStore.APPEND_LOCK).mapTo(Integer.class).one();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                Future<Long> append = other.submit(() -> store.append(new byte[] {1}));
                // PostgreSQL itself says when the append waits on the lock: no guess at how long that takes.
                try (Handle watcher = db.reads().open()) {
                    while (!waitingForAdvisoryLock(watcher)) {
                        assertThat(append).as("an append while another is in flight must wait for it").isNotDone();
                        Thread.onSpinWait();
                    }
                }
                assertThat(append).as("an append while another is in flight").isNotDone();
                inFlight.commit();
                assertThat(append.get(10, TimeUnit.SECONDS)).isPositive();
            } finally {
                other.shutdownNow();
            }
        }
    }

    /** True while a session of this database waits for an advisory lock it has not been granted. */
    private static boolean waitingForAdvisoryLock(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                .mapTo(Integer.class).one() > 0;
    }
}
