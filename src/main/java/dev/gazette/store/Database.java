package dev.gazette.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pools, their migrations and the Jdbi handles every feature's store uses: {@link #reads()} for
 * queries, {@link #writes()} for anything that changes data.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final HikariDataSource writerPool;
    private final Jdbi reads;
    private final Jdbi writes;
    private final String jdbcUrl;
    private final java.util.Properties connectionProperties;

    private Database(Dialect dialect, HikariDataSource pool, HikariDataSource writerPool, String jdbcUrl,
                     java.util.Properties connectionProperties) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.connectionProperties = connectionProperties;
        this.pool = pool;
        this.writerPool = writerPool;
        this.reads = withoutValuesInErrors(Jdbi.create(pool));
        this.writes = writerPool == pool ? reads : withoutValuesInErrors(Jdbi.create(writerPool));
    }

    /**
     * Jdbi puts a failed statement's bound values in its exception messages, and those reach the logs; values can be
     * readers' emails. Messages name the statement only.
     */
    private static Jdbi withoutValuesInErrors(Jdbi jdbi) {
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(e -> e.getStatementContext() == null
                ? "" : " [statement: " + e.getStatementContext().getRawSql() + "]");
        return jdbi;
    }

    /** The JDBC URL of the embedded default: one SQLite file inside the data folder. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("gazette.db").toAbsolutePath();
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("gazette");
        if (dialect == Dialect.SQLITE) {
            config.setDataSource(sqlite(jdbcUrl));
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(10);
            // PostgreSQL repeats the offending values in error details ("Key (email)=(…) already exists").
            config.addDataSourceProperty("logServerErrorDetail", "false");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot reach the database at " + withoutSecrets(jdbcUrl) + ": "
                    + rootMessage(e) + ". Check that it is running and that the address, user and password are right.", e);
        }
        HikariDataSource writerPool = pool;
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) properties.setProperty("user", config.getUsername());
        if (config.getPassword() != null) properties.setProperty("password", config.getPassword());
        try {
            Database database = new Database(dialect, pool, pool, jdbcUrl, properties);
            // Two nodes started at once on an empty database would both migrate; Flyway locks too, but the lock
            // here also covers what the caller does on first start (sample content), through exclusively().
            database.exclusively("migrating the database schema", () -> {
                migrate(pool, dialect);
                return null;
            });
            if (dialect == Dialect.SQLITE) {
                // SQLite takes one writer at a time and makes the others sleep and retry. One connection for all
                // writes turns that into a fair queue in the pool, without the sleeps.
                HikariConfig writer = new HikariConfig();
                writer.setPoolName("gazette-writer");
                writer.setDataSource(sqlite(jdbcUrl));
                writer.setMaximumPoolSize(1);
                writerPool = new HikariDataSource(writer);
            }
            return new Database(dialect, pool, writerPool, jdbcUrl, properties);
        } catch (RuntimeException e) {
            if (writerPool != pool) writerPool.close();
            pool.close();
            throw e;
        }
    }

    private static DataSource sqlite(String jdbcUrl) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: an accepted write survives a power cut, not only a crash of the process.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(jdbcUrl);
        return source;
    }

    private static void migrate(DataSource source, Dialect dialect) {
        Flyway.configure()
                .dataSource(source)
                .locations(dialect.migrations())
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    /**
     * Runs the work on one node at a time: on PostgreSQL under a session advisory lock held on a connection of its
     * own (waiting for another node's start-up to finish); on SQLite, with one node, it just runs.
     *
     * @param what what the work does, for the error a failure gives
     */
    public <T> T exclusively(String what, java.util.function.Supplier<T> work) {
        if (dialect != Dialect.POSTGRESQL) return work.get();
        try (java.sql.Connection lock = connect();
             java.sql.PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(?, 0)")) {
            take.setInt(1, LockKeys.START_UP);
            take.execute();
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Failed while " + what + ": " + rootMessage(e), e);
            }
            // Closing the connection releases the lock, also when the work failed.
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot take the start-up lock on the database at " + withoutSecrets(jdbcUrl)
                    + ": " + rootMessage(e), e);
        }
    }

    /**
     * A connection of its own, outside the pools, for what holds a connection for long: the listener for changes
     * made on other nodes, the jobs' leader locks. Closing it ends what it held.
     */
    public java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, connectionProperties);
    }

    /** The URL without any password, for messages. */
    static String withoutSecrets(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    /** The innermost message of a failure, what a person can act on. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** For queries. */
    public Jdbi reads() {
        return reads;
    }

    /** For every statement that changes data, and for transactions that read then write. */
    public Jdbi writes() {
        return writes;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when a trivial query answers: what {@code /healthz} reports. */
    public boolean healthy() {
        try {
            return reads.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True when the failure is a unique constraint turning a write away: what a check-then-write race between two
     * requests ends in, and what callers can answer as "taken" rather than as an error.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e) {
                // PostgreSQL's SQLSTATE; SQLite's extended result code SQLITE_CONSTRAINT_UNIQUE (2067) or plain 19.
                if ("23505".equals(e.getSQLState())) return true;
                if (e instanceof org.sqlite.SQLiteException lite
                        && (lite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || lite.getResultCode() == org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (writerPool != pool) writerPool.close();
        pool.close();
    }
}
