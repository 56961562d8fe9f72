package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real PostgreSQL that asks for a password (scram-sha-256): the password reaches it from the environment or a
 * file, never from the command line, which refuses a URL that carries one.
 */
class DatabasePasswordTest {
    static final String PASSWORD = "tide-gauge-47-harbour";
    static EmbeddedPostgres postgres;
    static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("CREATE ROLE newsroom LOGIN PASSWORD '" + PASSWORD + "'"); // our own constant, never input
            s.execute("CREATE DATABASE gazette_secret OWNER newsroom");
            Path hba;
            try (ResultSet r = s.executeQuery("SHOW hba_file")) {
                r.next();
                hba = Path.of(r.getString(1));
            }
            // The superuser keeps trust for the test's own setup; everyone else must give a password.
            Files.writeString(hba, """
                    local all postgres trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            s.execute("SELECT pg_reload_conf()");
        }
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/gazette_secret?user=newsroom";
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static String currentUser(Settings settings) {
        try (Database db = Database.open(settings.dbUrl(), settings.pool())) {
            return db.reads().withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
        }
    }

    @Test
    void thePasswordComesFromTheEnvironment() {
        Settings settings = SettingsLoader.load(Map.of("db.url", url), Map.of("GAZETTE_DB_PASSWORD", PASSWORD),
                Optional.empty());
        assertThat(currentUser(settings)).isEqualTo("newsroom");
        assertThat(settings.pool().toString()).doesNotContain(PASSWORD);
        assertThat(settings.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void thePasswordComesFromAFileTheCommandLineNames() throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), PASSWORD + "\n");
        GazetteCommand command = new GazetteCommand();
        new CommandLine(command).parseArgs("--db-url", url, "--db-password-file", file.toString());
        assertThat(currentUser(command.settings())).isEqualTo("newsroom");
    }

    @Test
    void thePasswordComesFromTheConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("gazette.properties"), "db.url=" + url + "\ndb.password=" + PASSWORD + "\n");
        assertThat(currentUser(SettingsLoader.load(Map.of(), Map.of(), Optional.of(config)))).isEqualTo("newsroom");
    }

    @Test
    void withoutThePasswordTheDatabaseTurnsTheSiteAway() {
        Settings settings = SettingsLoader.load(Map.of("db.url", url), Map.of(), Optional.empty());
        assertThatThrownBy(() -> currentUser(settings)).hasStackTraceContaining("no password was provided");
    }

    @Test
    void aUrlWithAPasswordOnTheCommandLineIsRefusedWithWhereToPutIt() {
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute("backup", dir.resolve("copy.db").toString(), "--db-url", url + "&password=" + PASSWORD);
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("--db-url carries a password").contains("GAZETTE_DB_PASSWORD")
                .contains("--db-password-file");
        assertThat(SettingsLoader.carriesPassword("jdbc:postgresql://db/site?user=a&password=b")).isTrue();
        assertThat(SettingsLoader.carriesPassword("jdbc:postgresql://a:b@db/site")).isTrue();
        assertThat(SettingsLoader.carriesPassword("jdbc:postgresql://db/site?user=a")).isFalse();
        assertThat(SettingsLoader.carriesPassword("jdbc:sqlite:/srv/gazette/data/gazette.db")).isFalse();
    }
}
