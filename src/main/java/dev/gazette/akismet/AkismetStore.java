package dev.gazette.akismet;

import dev.gazette.spam.Fingerprint;
import dev.gazette.store.Database;
import dev.gazette.store.Notices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL for API keys, their counters and the checks kept for feedback. */
public final class AkismetStore {
    private static final String COLUMNS = "id, key_prefix, site_url, created_at, revoked_at, checks, spam, ham,"
            + " missed_spam, false_positives";

    private final Jdbi reads;
    private final Jdbi writes;
    private final Notices notices;

    public AkismetStore(Database db) {
        this(db, new Notices(db));
    }

    /** @param notices tells the other nodes, in the revoking transaction, to forget the keys they hold */
    public AkismetStore(Database db, Notices notices) {
        this.reads = db.reads();
        this.writes = db.writes();
        this.notices = notices;
    }

    long insertKey(String hash, String prefix, String siteUrl, Instant now) {
        return writes.withHandle(h -> h.createQuery("INSERT INTO akismet_key (key_hash, key_prefix, site_url, created_at)"
                        + " VALUES (:hash, :prefix, :site, :now) RETURNING id")
                .bind("hash", hash).bind("prefix", prefix).bind("site", siteUrl).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one());
    }

    Optional<ApiKey> byHash(String hash) {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM akismet_key WHERE key_hash = :hash")
                .bind("hash", hash).map(AkismetStore::map).findOne());
    }

    List<ApiKey> all() {
        return reads.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM akismet_key ORDER BY id")
                .map(AkismetStore::map).list());
    }

    /** Revokes the key and forgets what its feedback taught, in one transaction. */
    boolean revoke(long id, Instant now) {
        return writes.inTransaction(h -> {
            int revoked = h.createUpdate("UPDATE akismet_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", now.toEpochMilli()).bind("id", id).execute();
            h.createUpdate("DELETE FROM akismet_lesson WHERE key_id = :id").bind("id", id).execute();
            if (revoked > 0) notices.publish(h, ApiKeys.CHANNEL, String.valueOf(id));
            return revoked > 0;
        });
    }

    /**
     * Records what a key reported about a text (a report on the same text again replaces the label), then drops the
     * key's oldest reports beyond {@code max}; in one transaction.
     */
    void teach(long keyId, Fingerprint text, boolean spam, int max) {
        writes.useTransaction(h -> {
            h.createUpdate("INSERT INTO akismet_lesson (key_id, exact_hash, sketch, spam, sequence)"
                            + " VALUES (:key, :exact, :sketch, :spam,"
                            + " (SELECT COALESCE(MAX(sequence), 0) + 1 FROM akismet_lesson WHERE key_id = :key))"
                            + " ON CONFLICT (key_id, exact_hash) DO UPDATE SET sketch = excluded.sketch,"
                            + " spam = excluded.spam, reports = akismet_lesson.reports + 1, sequence = excluded.sequence")
                    .bind("key", keyId).bind("exact", text.exact()).bind("sketch", text.toBytes())
                    .bind("spam", spam ? 1 : 0).execute();
            h.createUpdate("DELETE FROM akismet_lesson WHERE key_id = :key AND exact_hash NOT IN"
                            + " (SELECT exact_hash FROM akismet_lesson WHERE key_id = :key ORDER BY sequence DESC LIMIT :max)")
                    .bind("key", keyId).bind("max", max).execute();
        });
    }

    /** A key's lessons, the most recently reported first. */
    List<KeyLessons.Lesson> lessons(long keyId) {
        return reads.withHandle(h -> h.createQuery("SELECT exact_hash, sketch, spam FROM akismet_lesson"
                        + " WHERE key_id = :key ORDER BY sequence DESC")
                .bind("key", keyId)
                .map((rs, ctx) -> new KeyLessons.Lesson(Fingerprint.fromBytes(rs.getLong(1), rs.getBytes(2)), rs.getInt(3) != 0))
                .list());
    }

    /**
     * Stores a batch of checks and adds their counts, in one transaction: one disk sync for many requests. The
     * parameters are serialised here, on the log's thread, not on the request's.
     */
    void record(List<CheckLog.Entry> checks) {
        if (checks.isEmpty()) return;
        // One counter update per key and batch, however many checks the batch holds.
        Map<Long, long[]> counts = new HashMap<>();
        for (CheckLog.Entry c : checks) counts.computeIfAbsent(c.keyId(), k -> new long[2])[c.spam() ? 0 : 1]++;
        writes.useTransaction(h -> {
            var insert = h.prepareBatch("INSERT INTO akismet_check (guid, key_id, checked_at, spam, params, match_hash)"
                    + " VALUES (:guid, :key, :at, :spam, :params, :match)");
            boolean any = false;
            for (CheckLog.Entry c : checks) {
                if (!c.keep()) continue;
                insert.bind("guid", c.guid()).bind("key", c.keyId()).bind("at", c.at().toEpochMilli())
                        .bind("spam", c.spam() ? 1 : 0).bind("params", c.params().toJson())
                        .bind("match", c.params().matchHash()).add();
                any = true;
            }
            if (any) insert.execute();
            var count = h.prepareBatch("UPDATE akismet_key SET checks = checks + :n, spam = spam + :spam,"
                    + " ham = ham + :ham WHERE id = :key");
            counts.forEach((key, c) -> count.bind("n", c[0] + c[1]).bind("spam", c[0]).bind("ham", c[1]).bind("key", key).add());
            count.execute();
        });
    }

    Optional<StoredCheck> check(String guid, long keyId) {
        return reads.withHandle(h -> h.createQuery("SELECT guid, spam, params FROM akismet_check"
                        + " WHERE guid = :guid AND key_id = :key")
                .bind("guid", guid).bind("key", keyId).map(AkismetStore::storedCheck).findOne());
    }

    /** The key's latest check since {@code since} of a comment with these fields ({@link AkismetParams#matchHash()}). */
    Optional<StoredCheck> matching(long keyId, String matchHash, Instant since) {
        return reads.withHandle(h -> h.createQuery("SELECT guid, spam, params FROM akismet_check"
                        + " WHERE key_id = :key AND match_hash = :match AND checked_at >= :since"
                        + " ORDER BY checked_at DESC LIMIT 1")
                .bind("key", keyId).bind("match", matchHash).bind("since", since.toEpochMilli())
                .map(AkismetStore::storedCheck).findOne());
    }

    /**
     * Records the label a report gave a check, and keeps the key's counts of feedback that contradicts a verdict
     * (spam it let through, ham it blocked) in step with the last report on each check: the same report twice
     * counts once, and a report taken back no longer counts. In one transaction.
     */
    void recordFeedback(long keyId, String guid, boolean reportedSpam) {
        writes.useTransaction(h -> {
            var row = h.createQuery("SELECT spam, feedback FROM akismet_check WHERE guid = :guid AND key_id = :key")
                    .bind("guid", guid).bind("key", keyId)
                    .map((rs, ctx) -> {
                        int verdict = rs.getInt(1);
                        int feedback = rs.getInt(2);
                        return new int[] {verdict, rs.wasNull() ? -1 : feedback};
                    }).findOne();
            if (row.isEmpty()) return;
            boolean verdict = row.get()[0] != 0;
            int before = row.get()[1];
            if (before >= 0 && (before != 0) != verdict) countCorrection(h, keyId, before != 0, -1);
            if (reportedSpam != verdict) countCorrection(h, keyId, reportedSpam, 1);
            h.createUpdate("UPDATE akismet_check SET feedback = :label WHERE guid = :guid")
                    .bind("label", reportedSpam ? 1 : 0).bind("guid", guid).execute();
        });
    }

    private static void countCorrection(Handle h, long keyId, boolean missedSpam, int delta) {
        String column = missedSpam ? "missed_spam" : "false_positives"; // one of two constants
        h.createUpdate("UPDATE akismet_key SET " + column + " = " + column + " + :delta WHERE id = :key")
                .bind("delta", delta).bind("key", keyId).execute();
    }

    int deleteChecksBefore(Instant before) {
        return writes.withHandle(h -> h.createUpdate("DELETE FROM akismet_check WHERE checked_at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }

    private static ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        Optional<Instant> revokedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(revoked));
        return new ApiKey(rs.getLong("id"), rs.getString("key_prefix"), rs.getString("site_url"),
                Instant.ofEpochMilli(rs.getLong("created_at")), revokedAt,
                new KeyStats(rs.getLong("checks"), rs.getLong("spam"), rs.getLong("ham"), rs.getLong("missed_spam"),
                        rs.getLong("false_positives")));
    }

    private static StoredCheck storedCheck(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredCheck(rs.getString(1), rs.getInt(2) != 0, rs.getString(3));
    }

    /** A check kept for feedback: its guid, its verdict and the parameters it was made with. */
    record StoredCheck(String guid, boolean spam, String params) {}
}
