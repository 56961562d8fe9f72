package dev.gazette.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migratesAndAnswersHealthChecks(Dialect dialect) {
        try (Database db = TestDatabases.of(dialect)) {
            assertThat(db.dialect()).isEqualTo(dialect);
            assertThat(db.healthy()).isTrue();
            int articles = db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Integer.class).one());
            assertThat(articles).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void reportsUnhealthyOnceClosed(Dialect dialect) {
        Database db = TestDatabases.of(dialect);
        db.close();
        assertThat(db.healthy()).isFalse();
    }

    @Test
    void sqliteRunsInWalModeWithForeignKeysAndFullSync() {
        try (Database db = TestDatabases.sqlite()) {
            db.reads().useHandle(h -> {
                assertThat(h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()).isEqualToIgnoringCase("wal");
                assertThat(h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
                assertThat(h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()).isEqualTo(2); // FULL
                assertThat(h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one()).isPositive();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void failedStatementsNeverPutTheirValuesInErrorMessages(Dialect dialect) {
        try (Database db = TestDatabases.of(dialect)) {
            String insert = "INSERT INTO staff_user (email, name, role, password_hash, created_at)"
                    + " VALUES (:email, 'N', 'admin', 'h', 0)";
            db.writes().useHandle(h -> h.createUpdate(insert).bind("email", "secret.person@example.org").execute());
            assertThatThrownBy(() -> db.writes().useHandle(h ->
                    h.createUpdate(insert).bind("email", "secret.person@example.org").execute()))
                    .satisfies(e -> {
                        StringBuilder all = new StringBuilder();
                        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append('\n');
                        assertThat(all.toString()).contains("INSERT INTO staff_user").doesNotContain("secret.person");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void recognisesAUniqueViolationOnEitherDatabase(Dialect dialect) {
        try (Database db = TestDatabases.of(dialect)) {
            String insert = "INSERT INTO staff_user (email, name, role, password_hash, created_at)"
                    + " VALUES ('same@example.org', 'N', 'admin', 'h', 0)";
            db.writes().useHandle(h -> h.execute(insert));
            assertThatThrownBy(() -> db.writes().useHandle(h -> h.execute(insert)))
                    .satisfies(e -> assertThat(Database.isUniqueViolation(e)).isTrue());
            assertThatThrownBy(() -> db.writes().useHandle(h -> h.execute("INSERT INTO no_such_table VALUES (1)")))
                    .satisfies(e -> assertThat(Database.isUniqueViolation(e)).isFalse());
        }
    }

    @Test
    void refusesUnknownUrlsWithAHint() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:");
    }
}
