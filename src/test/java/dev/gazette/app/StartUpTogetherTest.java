package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.akismet.AkismetSettings;
import dev.gazette.comment.CommentSettings;
import dev.gazette.store.TestDatabases;
import dev.gazette.syndication.FetchSettings;
import dev.gazette.web.CachePolicy;
import dev.gazette.web.TrustedProxies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Nodes started at the same moment on one empty PostgreSQL database: start-up work happens once. */
class StartUpTogetherTest {
    private static final int SAMPLES = samples();

    private static int samples() {
        try (var in = StartUpTogetherTest.class.getResourceAsStream("/sample/articles/index.txt")) {
            return (int) new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    static Settings node(String dbUrl, boolean sampleContent) throws Exception {
        Path data = Files.createTempDirectory("gazette-node");
        return new Settings("127.0.0.1", 0, data, dbUrl, "", "Test Gazette", "News for tests.", "en", false,
                sampleContent, 0, 0.75, 0.995, "", false, CommentSettings.defaults(), AkismetSettings.defaults(),
                FetchSettings.defaults(), TrustedProxies.none(), CachePolicy.defaults());
    }

    @Test
    void twoNodesStartedAtOnceAddTheSampleStoriesOnce() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                String url = TestDatabases.postgresUrl();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Gazette>> nodes = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    Settings settings = node(url, true);
                    nodes.add(starts.submit(() -> {
                        together.await();
                        // Serving is what adds the sample stories (other commands leave an empty site empty).
                        Gazette node = Gazette.open(settings);
                        node.serve();
                        return node;
                    }));
                }
                try (Gazette a = nodes.get(0).get(); Gazette b = nodes.get(1).get()) {
                    List<String> slugs = a.database().reads().withHandle(h -> h.createQuery("SELECT slug FROM article")
                            .mapTo(String.class).list());
                    assertThat(slugs).as("try %d: each sample story once", attempt).hasSize(SAMPLES)
                            .doesNotHaveDuplicates().noneMatch(slug -> slug.endsWith("-2"));
                }
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void aNodeThatCannotReachItsDatabaseSaysSoInWords() throws Exception {
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        Path data = Files.createTempDirectory("gazette-node");
        // The password comes from a file, never from the command line (which is refused with a password).
        Path password = Files.writeString(data.resolve("db-password"), "hunter2hunter2\n");
        int exit = cli.execute("serve", "--data", data.toString(), "--db-password-file", password.toString(),
                "--db-url", "jdbc:postgresql://127.0.0.1:9/gazette?user=gazette&connectTimeout=2");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("Cannot reach the database at jdbc:postgresql://127.0.0.1:9/gazette")
                .contains("Check that it is running").doesNotContain("hunter2");
    }
}
