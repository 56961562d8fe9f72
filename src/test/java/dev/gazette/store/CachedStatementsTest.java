package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQLite's writer keeps its prepared statements: the same SQL runs again on the same statement, with fresh data. */
class CachedStatementsTest {
    private static final String COUNT = "SELECT COUNT(*) FROM kept WHERE v LIKE :p";
    private static final String INSERT = "INSERT INTO kept (v) VALUES (:v)";

    private Database db;
    private final List<PreparedStatement> executed = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.of(Dialect.SQLITE);
        db.writes().useHandle(h -> h.execute("CREATE TABLE kept (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private final StatementCustomizer seen = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
            executed.add(stmt);
        }
    };

    private static List<String> values(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT v FROM kept ORDER BY id").mapTo(String.class).list());
    }

    private int count(Handle h) {
        return h.createQuery(COUNT).bind("p", "%").addCustomizer(seen).mapTo(Integer.class).one();
    }

    private void insert(Handle h, String v) {
        h.createUpdate(INSERT).bind("v", v).addCustomizer(seen).execute();
    }

    @Test
    void theSameSqlRunsOnTheSameStatementWithItsNewValues() {
        db.writes().useTransaction(h -> insert(h, "a"));
        db.writes().useTransaction(h -> insert(h, "b"));
        assertThat(db.writes().withHandle(this::count)).isEqualTo(2);
        assertThat(db.writes().withHandle(this::count)).isEqualTo(2);
        assertThat(executed.get(0)).isSameAs(executed.get(1));
        assertThat(executed.get(2)).isSameAs(executed.get(3)).isNotSameAs(executed.get(0));
        assertThat(values(db.reads()))
                .containsExactly("a", "b");
    }

    @Test
    void aStatementKeptSeesWhatAnotherConnectionWroteSinceItsLastUse() throws SQLException {
        assertThat(db.writes().withHandle(this::count)).isZero();
        // A statement left stepped would hold its read snapshot, and the writer would go on seeing the old rows.
        try (Connection other = db.connect()) {
            other.createStatement().executeUpdate("INSERT INTO kept (v) VALUES ('from elsewhere')");
        }
        assertThat(db.writes().withHandle(this::count)).isEqualTo(1);
        assertThat(executed.get(0)).isSameAs(executed.get(1));
    }

    @Test
    void aStatementThatFailedServesAgainAndARolledBackTransactionLeavesNothing() {
        db.writes().useTransaction(h -> insert(h, "a"));
        assertThatThrownBy(() -> db.writes().useTransaction(h -> {
            insert(h, "b");
            insert(h, "a");
        })).rootCause().hasMessageContaining("UNIQUE");
        db.writes().useTransaction(h -> insert(h, "c"));
        assertThat(values(db.writes()))
                .containsExactly("a", "c");
    }

    @Test
    void theSameSqlInsideItsOwnResultsRunsOnAStatementApart() {
        db.writes().useTransaction(h -> {
            insert(h, "a");
            insert(h, "b");
        });
        List<String> pairs = db.writes().withHandle(h -> {
            List<String> out = new ArrayList<>();
            h.createQuery("SELECT v FROM kept ORDER BY id").mapTo(String.class).forEach(v ->
                    out.add(v + h.createQuery("SELECT v FROM kept ORDER BY id").mapTo(String.class).list()));
            return out;
        });
        assertThat(pairs).containsExactly("a[a, b]", "b[a, b]");
        assertThat(values(db.writes()))
                .containsExactly("a", "b");
    }

    @Test
    void noMoreThanItsBoundAreKept() {
        db.writes().useHandle(h -> {
            for (int i = 0; i < CachedStatements.PER_CONNECTION + 10; i++) {
                h.createQuery("SELECT " + i + " FROM kept").mapTo(Integer.class).list();
            }
        });
        assertThat(db.writes().withHandle(this::count)).isZero();
    }
}
