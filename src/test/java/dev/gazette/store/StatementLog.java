package dev.gazette.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL a database runs while it is watched, reads and writes alike: each statement a round trip to count. */
public final class StatementLog implements AutoCloseable {
    private final Database db;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    private StatementLog(Database db) {
        this.db = db;
        SqlLogger log = new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRawSql());
            }
        };
        for (Jdbi jdbi : List.of(db.reads(), db.writes())) jdbi.getConfig(SqlStatements.class).setSqlLogger(log);
    }

    public static StatementLog watch(Database db) {
        return new StatementLog(db);
    }

    /** The statements run since watching began, as written (before their values are bound). */
    public List<String> statements() {
        return statements;
    }

    @Override
    public void close() {
        for (Jdbi jdbi : List.of(db.reads(), db.writes())) {
            jdbi.getConfig(SqlStatements.class).setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
    }
}
