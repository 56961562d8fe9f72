package dev.gazette.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.core.CoreStatement;

/**
 * Keeps SQLite's prepared statements per connection for the next use of the same SQL: Jdbi prepares every statement
 * anew and closes it after, and on SQLite's one writer connection preparing was about a tenth of the time a reply's
 * transaction held the writer (bench/mail, async-profiler). A statement handed back is reset (its read snapshot and
 * locks released) and its values cleared; one still in use when its SQL comes again is prepared apart and closed after.
 */
final class CachedStatements implements StatementBuilderFactory {
    /** Statements kept per connection; the least recently used beyond this are closed. */
    static final int PER_CONNECTION = 64;

    // Keyed by the driver's own connection (the pool hands out a new wrapper each time); it is used by one thread at a
    // time, but the map of connections is shared.
    private final Map<Connection, Kept> byConnection = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection conn) {
        return new Builder();
    }

    /** The statements of one connection: by SQL, least recently used first, and those handed out now. */
    private static final class Kept {
        final Map<String, PreparedStatement> bySql = new LinkedHashMap<>(16, 0.75f, true);
        final Set<PreparedStatement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private final class Builder extends DefaultStatementBuilder {
        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) return super.create(conn, sql, ctx);
            Connection raw = conn.unwrap(Connection.class);
            Kept kept = byConnection.computeIfAbsent(raw, c -> new Kept());
            PreparedStatement statement = kept.bySql.get(sql);
            if (statement != null && statement.isClosed()) {
                kept.bySql.remove(sql);
                statement = null;
            }
            if (statement != null && kept.inUse.contains(statement)) return raw.prepareStatement(sql);
            if (statement == null) {
                statement = raw.prepareStatement(sql);
                kept.bySql.put(sql, statement);
                if (kept.bySql.size() > PER_CONNECTION) evictEldest(kept);
            }
            kept.inUse.add(statement);
            return statement;
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            Kept of = conn.isClosed() ? null : byConnection.get(conn.unwrap(Connection.class));
            if (of == null || !of.inUse.remove(statement)) {
                statement.close();
                return;
            }
            try {
                // Jdbi closed its result set already, which resets too; a statement stepped without one (an update)
                // would otherwise keep its snapshot until its next use.
                statement.unwrap(CoreStatement.class).pointer.safeRunInt((db, pointer) -> db.reset(pointer));
                PreparedStatement kept = (PreparedStatement) statement;
                kept.clearParameters();
                kept.clearBatch();
            } catch (SQLException | RuntimeException e) {
                of.bySql.remove(sql);
                statement.close();
                throw e;
            }
        }

        private void evictEldest(Kept kept) throws SQLException {
            var eldest = kept.bySql.entrySet().iterator();
            while (kept.bySql.size() > PER_CONNECTION && eldest.hasNext()) {
                PreparedStatement old = eldest.next().getValue();
                if (kept.inUse.contains(old)) continue;
                eldest.remove();
                old.close();
            }
        }
    }
}
