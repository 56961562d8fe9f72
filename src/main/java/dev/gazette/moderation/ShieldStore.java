package dev.gazette.moderation;

import dev.gazette.spam.ModelStore;
import dev.gazette.store.Database;
import dev.gazette.store.Dialect;
import dev.gazette.store.Notices;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;

/**
 * The shield's model in the site's database, so a restart loses nothing moderators taught it, and
 * every node (through {@link ShieldFollower}) learns what moderators taught on the others.
 */
public final class ShieldStore implements ModelStore {
    /** Any fixed number: the advisory lock that puts shield appends from all nodes in one line. */
    static final long APPEND_LOCK = 0x5348_4945_4c44L;
    private final Jdbi reads;
    private final Jdbi writes;
    private final Clock clock;
    private final boolean postgres;
    private final Notices notices;

    public ShieldStore(Database db, Clock clock) {
        this(db, clock, new Notices(db));
    }

    /** @param notices tells the other nodes' shields, in the transaction of each lesson, that there is more to take in */
    public ShieldStore(Database db, Clock clock, Notices notices) {
        this.notices = notices;
        this.reads = db.reads();
        this.writes = db.writes();
        this.clock = clock;
        this.postgres = db.dialect() == Dialect.POSTGRESQL;
    }

    @Override
    public Optional<Snapshot> latestSnapshot() {
        return reads.withHandle(h -> h.createQuery("SELECT model, through_sequence FROM shield_snapshot WHERE id = 1")
                .map((rs, ctx) -> new Snapshot(rs.getBytes(1), rs.getLong(2))).findOne());
    }

    @Override
    public OptionalLong saveSnapshot(Snapshot snapshot, long expectedVersion) {
        return writes.inTransaction(h -> {
            // Compare and set: PostgreSQL re-reads the row after a concurrent update commits, so of two
            // nodes expecting the same version only the first saves.
            Optional<Long> version = (expectedVersion == 0
                    ? h.createQuery("INSERT INTO shield_snapshot (id, model, through_sequence, saved_at, version)"
                            + " VALUES (1, :m, :t, :now, 1) ON CONFLICT (id) DO NOTHING RETURNING version")
                    : h.createQuery("UPDATE shield_snapshot SET model = :m, through_sequence = :t, saved_at = :now,"
                            + " version = version + 1 WHERE id = 1 AND version = :expected RETURNING version")
                            .bind("expected", expectedVersion))
                    .bind("m", snapshot.model()).bind("t", snapshot.throughSequence()).bind("now", clock.millis())
                    .mapTo(Long.class).findOne();
            if (version.isEmpty()) {
                return OptionalLong.empty();
            }
            h.createUpdate("DELETE FROM shield_log WHERE sequence <= :t").bind("t", snapshot.throughSequence()).execute();
            notices.publish(h, ShieldFollower.CHANNEL, "snapshot " + version.get());
            return OptionalLong.of(version.get());
        });
    }

    @Override
    public long snapshotVersion() {
        return reads.withHandle(h -> h.createQuery("SELECT version FROM shield_snapshot WHERE id = 1").mapTo(Long.class)
                .findOne().orElse(0L));
    }

    @Override
    public long append(byte[] example) {
        return writes.inTransaction(h -> {
            if (postgres) {
                // Shields read the log in sequence order, so entries must commit in that order: PostgreSQL
                // hands out identity values before commit, and two nodes could otherwise commit 11 before
                // 10, and a node reading in between would pass 10 by. The lock is held to commit.
                // (SQLite has one writer, so there the order is already the commit order.)
                h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) locked").bind("key", APPEND_LOCK)
                        .mapTo(Integer.class).one();
            }
            long sequence = h.createQuery("INSERT INTO shield_log (example, learned_at) VALUES (:e, :now) RETURNING sequence")
                    .bind("e", example).bind("now", clock.millis()).mapTo(Long.class).one();
            notices.publish(h, ShieldFollower.CHANNEL, "lesson " + sequence);
            return sequence;
        });
    }

    @Override
    public List<LogEntry> entriesAfter(long sequence) {
        return reads.withHandle(h -> h.createQuery("SELECT sequence, example FROM shield_log WHERE sequence > :s"
                        + " ORDER BY sequence")
                .bind("s", sequence).map((rs, ctx) -> new LogEntry(rs.getLong(1), rs.getBytes(2))).list());
    }
}
