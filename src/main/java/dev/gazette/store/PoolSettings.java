package dev.gazette.store;

import java.time.Duration;

/**
 * How the connection pool meets a slow or absent database: its size, how long a request waits for a connection
 * before it is told the site is unavailable, and how long one statement may run on PostgreSQL.
 *
 * @param password         the database password, kept out of the URL so that it never reaches a command line
 * @param size             connections per node on PostgreSQL (SQLite keeps its own small pools)
 * @param connectionWait           the longest a request waits for a connection: the bound on every answer while the
 *                         database is down
 * @param statementTimeout the longest one statement may run on PostgreSQL; the socket gives up a little later
 */
public record PoolSettings(String password, int size, Duration connectionWait, Duration statementTimeout) {
    public PoolSettings {
        if (size < 1) throw new IllegalArgumentException("db.pool-size must be at least 1");
        // HikariCP's floor: a shorter wait is refused by the pool itself.
        if (connectionWait.toMillis() < 250) throw new IllegalArgumentException("db.wait-ms must be at least 250");
    }

    public static PoolSettings defaults() {
        return new PoolSettings("", 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public PoolSettings withPassword(String secret) {
        return new PoolSettings(secret, size, connectionWait, statementTimeout);
    }

    /** Never shows the password, so a logged or printed settings object keeps it secret. */
    @Override
    public String toString() {
        return "PoolSettings[password=" + (password.isEmpty() ? "" : "(set)") + ", size=" + size + ", connectionWait=" + connectionWait
                + ", statementTimeout=" + statementTimeout + "]";
    }
}
