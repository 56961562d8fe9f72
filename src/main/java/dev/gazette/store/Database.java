package dev.gazette.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
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
    private final Properties connectionProperties;
    private final GroupCommit grouped;

    private Database(Dialect dialect, HikariDataSource pool, HikariDataSource writerPool, String jdbcUrl,
                     Properties connectionProperties) {
        this.dialect = dialect;
        this.jdbcUrl = jdbcUrl;
        this.connectionProperties = connectionProperties;
        this.pool = pool;
        this.writerPool = writerPool;
        this.reads = withoutValuesInErrors(Jdbi.create(pool));
        this.writes = writerPool == pool ? reads : withoutValuesInErrors(Jdbi.create(writerPool));
        // SQLite's one writer runs every write transaction in turn: what it spends preparing, every writer waits for.
        if (dialect == Dialect.SQLITE && writerPool != pool) writes.setStatementBuilderFactory(new CachedStatements());
        this.grouped = dialect == Dialect.SQLITE && writerPool != pool
                ? GroupCommit.batching(writes) : GroupCommit.direct(writes);
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

    /** Opens the pool with the default bounds and brings the schema up to date. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, PoolSettings.defaults());
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(String jdbcUrl, PoolSettings poolSettings) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("gazette");
        if (dialect == Dialect.SQLITE) {
            config.setDataSource(sqlite(jdbcUrl));
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(jdbcUrl);
            bounded(config, poolSettings);
            config.setMaximumPoolSize(poolSettings.size());
            if (!poolSettings.password().isEmpty()) config.setPassword(poolSettings.password());
            // PostgreSQL repeats the offending values in error details ("Key (email)=(…) already exists").
            config.addDataSourceProperty("logServerErrorDetail", "false");
            // New connections are made in the pool's background, so their own bounds need not be as short as a
            // request's wait (a SCRAM login on a busy server takes a while); they only must not hang forever, nor a
            // read on a connection whose server vanished (the driver's default: forever).
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("loginTimeout", "5");
            config.addDataSourceProperty("socketTimeout",
                    String.valueOf(poolSettings.statementTimeout().toSeconds() + 5));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("options",
                    "-c statement_timeout=" + poolSettings.statementTimeout().toMillis());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot reach the database at " + withoutSecrets(jdbcUrl) + ": "
                    + rootMessage(e) + ". Check that it is running and that the address, user and password are right.", e);
        }
        HikariDataSource writerPool = pool;
        Properties properties = new Properties();
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

    /**
     * The pool's waits on PostgreSQL, so that no request waits longer than {@link PoolSettings#connectionWait()} for a
     * connection. SQLite keeps the pool's long default: its file is never away, and its one writer is a queue.
     */
    private static void bounded(HikariConfig config, PoolSettings settings) {
        config.setConnectionTimeout(settings.connectionWait().toMillis());
        // Checking a pooled connection must fit inside the wait, or a dead one would use it all up.
        config.setValidationTimeout(Math.max(250, settings.connectionWait().toMillis() / 2));
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
    public <T> T exclusively(String what, Supplier<T> work) {
        if (dialect != Dialect.POSTGRESQL) return work.get();
        try (Connection lock = connect();
             PreparedStatement take = lock.prepareStatement("SELECT pg_advisory_lock(?, 0)")) {
            take.setInt(1, LockKeys.START_UP);
            take.execute();
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Failed while " + what + ": " + rootMessage(e), e);
            }
            // Closing the connection releases the lock, also when the work failed.
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the start-up lock on the database at " + withoutSecrets(jdbcUrl)
                    + ": " + rootMessage(e), e);
        }
    }

    /**
     * A connection of its own, outside the pools, for what holds a connection for long: the listener for changes
     * made on other nodes, the jobs' leader locks. Closing it ends what it held.
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, connectionProperties);
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

    /**
     * For the many small write transactions of concurrent callers (readers' replies): on SQLite those that arrive
     * while the writer is busy share one commit.
     */
    public GroupCommit grouped() {
        return grouped;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Publishes both pools' use (active, idle, pending, wait times) as metrics. */
    public void measure(io.micrometer.core.instrument.MeterRegistry registry) {
        pool.setMetricRegistry(registry);
        if (writerPool != pool) writerPool.setMetricRegistry(registry);
        grouped.measure(registry);
    }

    /** True when a trivial query answers: what readiness reports. */
    public boolean healthy() {
        try {
            return reads.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True when the failure is the database being away, full or overwhelmed rather than a fault in the request or the
     * code: no connection within the pool's wait, a connection lost, a server shutting down, a disk full. Such a
     * request can succeed unchanged a little later, so it is answered 503 with {@code Retry-After}.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof org.sqlite.SQLiteException lite && UNAVAILABLE_SQLITE.contains(lite.getResultCode().code & 0xff)) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                // 08: connection exception; 53: insufficient resources (disk full, out of memory, too many
                // connections); 57P01–57P03: the server is shutting down or starting; 57014: statement timeout.
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                        || state.equals("57014")) {
                    return true;
                }
            }
        }
        return false;
    }

    // SQLite's primary result codes for a busy, unreadable or full disk: BUSY 5, LOCKED 6, READONLY 8, IOERR 10,
    // FULL 13, CANTOPEN 14.
    private static final Set<Integer> UNAVAILABLE_SQLITE = Set.of(5, 6, 8, 10, 13, 14);

    /**
     * True when the failure is a unique constraint turning a write away: what a check-then-write race between two
     * requests ends in, and what callers can answer as "taken" rather than as an error.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
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
        grouped.close();
        if (writerPool != pool) writerPool.close();
        pool.close();
    }
}
