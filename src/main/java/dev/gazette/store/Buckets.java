package dev.gazette.store;

import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets kept in the database, so that every node draws from the same bucket: the site-wide form of a
 * node's in-memory limiter, with the same arithmetic. One statement takes a token (an upsert on the bucket's row,
 * which PostgreSQL serialises per key). Counters are not worth a disk flush: the statement runs with
 * {@code synchronous_commit} off, so a crash of the database may forget the last fraction of a second of counts,
 * and a request never waits for the disk because of a limit.
 */
public final class Buckets {
    private final Database database;
    private final Clock clock;

    public Buckets(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Takes one token from the bucket named {@code key}.
     *
     * @return zero when taken; otherwise the whole seconds until one would be there
     */
    public long take(String key, double burst, double perSecond) {
        long now = clock.millis();
        boolean pg = database.dialect() == Dialect.POSTGRESQL;
        String least = pg ? "LEAST" : "MIN";
        String greatest = pg ? "GREATEST" : "MAX";
        // The level the bucket has refilled to, computed from the row as it stands under the row's lock, so two
        // nodes never both take the last token.
        String level = least + "(:burst, rate_bucket.tokens + " + greatest + "(0, :now - rate_bucket.at_ms) / 1000.0 * :rate)";
        double[] row = database.writes().inTransaction(h -> {
            if (pg) h.execute("SET LOCAL synchronous_commit TO OFF");
            return h.createQuery("INSERT INTO rate_bucket (bucket, tokens, at_ms, took) VALUES (:key, :burst - 1, :now, 1)"
                            + " ON CONFLICT (bucket) DO UPDATE SET"
                            + " tokens = CASE WHEN " + level + " >= 1 THEN " + level + " - 1 ELSE " + level + " END,"
                            + " took = CASE WHEN " + level + " >= 1 THEN 1 ELSE 0 END,"
                            + " at_ms = :now"
                            + " RETURNING tokens, took")
                    .bind("key", key).bind("burst", burst).bind("now", now).bind("rate", perSecond)
                    .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getInt(2)}).one();
        });
        if (row[1] == 1) return 0;
        return Math.max(1, (long) Math.ceil((1 - row[0]) / perSecond));
    }

    /** Drops buckets unused for this long (a full bucket needs no row): keeps the table small. */
    public int forget(Duration idle) {
        long before = clock.millis() - idle.toMillis();
        return database.writes().withHandle(h -> h.createUpdate("DELETE FROM rate_bucket WHERE at_ms < :before")
                .bind("before", before).execute());
    }
}
