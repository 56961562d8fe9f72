package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gazette.ops.OpsSettings;
import dev.gazette.web.Browser;
import dev.gazette.web.TestSite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restores docs/operations.md describes, performed: a reply saved before the backup is there after the restore. */
class BackupRestoreTest {
    static final String ARTICLE = "/articles/harbour-city-switches-on-its-tidal-barrier-after-a-decade-of-delays";
    static final String TEXT = "Saved before the backup, and found again after the restore.";
    static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");

    @TempDir
    Path dir;

    private static void reply(TestSite site) {
        Browser reader = new Browser(site);
        Map<String, String> form = new HashMap<>(Browser.fields(reader.page(ARTICLE), "form.reply-form"));
        form.put("comment", TEXT);
        form.put("author", "Lee Ward");
        form.put("email", "lee@example.org");
        assertThat(reader.post(ARTICLE + "/comments", form).statusCode()).isEqualTo(303);
    }

    private static int replies(TestSite site) {
        return site.gazette().database().reads().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM comment WHERE body_markdown = :text").bind("text", TEXT).mapTo(Integer.class).one());
    }

    @Test
    void sqliteBackupTakenWhileServingRestoresByPuttingTheFileInPlace() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live"));
        Path copy = dir.resolve("copy.db");
        try (TestSite site = TestSite.on(null, live, OpsSettings.defaults())) {
            reply(site);
            assertThat(Main.commandLine().execute("backup", copy.toString(), "--data", live.toString())).isZero();
        }
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(copy, restored.resolve("gazette.db"));
        try (TestSite site = TestSite.on(null, restored, OpsSettings.defaults())) {
            assertThat(replies(site)).isEqualTo(1);
            assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void postgresDumpTakenWhileServingRestoresWithPgRestore() throws Exception {
        assumeThat(PG_BIN.resolve("pg_dump")).as("pg_dump and pg_restore 15: apt-get install postgresql-15").exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE live");
                s.execute("CREATE DATABASE restored");
            }
            Path dump = dir.resolve("gazette.dump");
            try (TestSite site = TestSite.on(postgres.getJdbcUrl("postgres", "live"),
                    Files.createDirectories(dir.resolve("node")), OpsSettings.defaults())) {
                reply(site);
                run(PG_BIN.resolve("pg_dump").toString(), "--format=custom", "--file=" + dump, "-h", "localhost",
                        "-p", String.valueOf(postgres.getPort()), "-U", "postgres", "live");
            }
            run(PG_BIN.resolve("pg_restore").toString(), "--no-owner", "-h", "localhost", "-p",
                    String.valueOf(postgres.getPort()), "-U", "postgres", "-d", "restored", dump.toString());
            try (TestSite site = TestSite.on(postgres.getJdbcUrl("postgres", "restored"),
                    Files.createDirectories(dir.resolve("node2")), OpsSettings.defaults())) {
                assertThat(replies(site)).isEqualTo(1);
                assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200);
            }
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
