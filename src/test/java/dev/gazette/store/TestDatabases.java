package dev.gazette.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, empty databases for tests: a SQLite file in a temporary folder, or a new database on a real PostgreSQL. */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("gazette-test");
            return Database.open(Database.sqliteUrl(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new database on one PostgreSQL server that the whole test run shares (it takes seconds to start). */
    public static Database postgres() {
        return Database.open(postgresUrl());
    }

    /** The JDBC URL of a new, empty database on that server: for tests that open it from several nodes. */
    public static synchronized String postgresUrl() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away either way
                    }
                }));
            }
            String name = "gazette_test_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name); // name is ours, never input
            }
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Database of(Dialect dialect) {
        return dialect == Dialect.SQLITE ? sqlite() : postgres();
    }
}
