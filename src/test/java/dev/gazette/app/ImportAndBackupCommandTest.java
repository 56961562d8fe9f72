package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.spam.ShieldStats;
import dev.gazette.spam.Submission;
import dev.gazette.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportAndBackupCommandTest {
    @TempDir
    Path dir;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Local Wire</title><link>http://x.example</link><description>d</description>
            <item><title>Bridge reopens early</title><link>http://x.example/bridge</link><guid>lw-1</guid>
              <description>Traffic flows.</description></item>
            </channel></rss>
            """;

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAFeedFromALocalServerOnceThenBacksUpTheDatabase() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            String data = dir.resolve("site").toString();
            // The test server is on loopback, which Gazette fetches only from hosts the settings name.
            Path config = Files.writeString(dir.resolve("gazette.properties"), "fetch.allow-hosts=127.0.0.1\n");
            String first = run("import", "feed", url, "--data", data, "--config", config.toString(),
                    "--agency", "Local Wire Service");
            assertThat(first).contains("added    Bridge reopens early").contains("1 added, 0 skipped.");
            String second = run("import", "feed", url, "--data", data, "--config", config.toString());
            assertThat(second).contains("skipped  Bridge reopens early — already here").contains("0 added, 1 skipped.");

            Path backup = dir.resolve("copy.db");
            assertThat(run("backup", backup.toString(), "--data", data)).contains("Backed up to");
            try (Database copy = Database.open("jdbc:sqlite:" + backup)) {
                int found = copy.reads().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM article WHERE title = 'Bridge reopens early'").mapTo(Integer.class).one());
                assertThat(found).isEqualTo(1);
                assertThat(articles(copy)).as("the imported story alone: no sample stories beside it").isEqualTo(1);
            }
            assertThat(Files.size(backup)).isPositive();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void importFeedRefusesALoopbackAddressWithAPlainMessage() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> {
            byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            PrintStream original = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = cli.execute("import", "feed", url, "--data", dir.resolve("site").toString());
            } finally {
                System.setOut(original);
            }
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("gazette: " + url + ": This address is on a private or local network;"
                    + " Gazette does not fetch those unless its host is named in the setting fetch.allow-hosts"
                    + " (GAZETTE_FETCH_ALLOW_HOSTS)." + System.lineSeparator());
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("Bridge reopens early");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void wordPressImportTeachesTheShieldFromSpamAndApprovedCommentsOnly() throws Exception {
        Path wxr = exportWithDecidedComments();
        String data = dir.resolve("site").toString();

        String out = run("import", "wordpress", wxr.toString(), "--train-shield", "--data", data);

        assertThat(out).contains("1 posts and 50 comments imported").contains("the shield learned from 24 spam and 24 approved comments.");
        try (Gazette gazette = Gazette.open(SettingsLoader.load(Map.of("data", data), Map.of(), Optional.empty()))) {
            ShieldStats stats = gazette.shield().stats();
            assertThat(stats.spamLearned()).isEqualTo(24);
            assertThat(stats.hamLearned()).isEqualTo(24);
            assertThat(stats.classifierAbstains()).isFalse();
            double spam = gazette.shield().check(Submission.of("Order cheap pills at http://pills99.example.top")).spamProbability();
            double ham = gazette.shield().check(Submission.of("Thanks, the detour on Mill Street is well explained.")).spamProbability();
            assertThat(spam).isGreaterThan(0.5).isGreaterThan(ham);
            assertThat(articles(gazette.database())).as("the imported post alone: no sample stories").isEqualTo(1);
        }
    }

    @Test
    void onlyServeAddsTheSampleStoriesToAnEmptySite() throws Exception {
        String data = dir.resolve("site").toString();
        run("privacy", "erase", "--email", "someone@example.org", "--data", data);
        run("akismet", "key", "list", "--data", data);
        run("spam", "export", dir.resolve("model.bin").toString(), "--data", data);
        Settings settings = SettingsLoader.load(Map.of("data", data, "port", "0", "host", "127.0.0.1"), Map.of(),
                Optional.empty());
        try (Gazette gazette = Gazette.open(settings)) {
            assertThat(articles(gazette.database())).as("after commands that are not serve").isZero();
            gazette.serve();
            assertThat(articles(gazette.database())).as("once served").isEqualTo(10);
        }
    }

    private static int articles(Database db) {
        return db.reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Integer.class).one());
    }

    @Test
    void spamTrainFromSiteStartsAfreshFromTheSitesApprovedAndSpamReplies() throws Exception {
        String data = dir.resolve("site").toString();
        run("import", "wordpress", exportWithDecidedComments().toString(), "--data", data);

        String out = run("spam", "train", "--from-site", "--data", data);

        assertThat(out).contains("Trained afresh on the site's 24 spam and 24 approved replies.")
                .contains("The shield has now learned 24 spam and 24 ham");
        // Afresh: a second run gives the same counts, not twice as many.
        assertThat(run("spam", "train", "--from-site", "--data", data)).contains("learned 24 spam and 24 ham");
        try (Gazette gazette = Gazette.open(SettingsLoader.load(Map.of("data", data), Map.of(), Optional.empty()))) {
            assertThat(gazette.shield().check(Submission.of("Order cheap pills at http://pills99.example.top")).isSpam())
                    .isTrue();
        }
        assertThat(Main.commandLine().execute("spam", "train", "--data", data)).isNotZero();
    }

    /** A WordPress export of one post with 24 spam, 24 approved, one pending and one trashed comment. */
    private Path exportWithDecidedComments() throws Exception {
        StringBuilder comments = new StringBuilder();
        int id = 1;
        String[] spamTexts = {"Cheap pills, no prescription, order at http://pills%d.example.top",
            "Earn money fast from home, visit http://cash%d.example.biz now", "Free casino bonus %d at http://spin.example.club"};
        String[] hamTexts = {"The bridge story missed the detour on %d Mill Street.", "Thanks for the photos of the parade, day %d.",
            "Will the council publish the minutes of meeting %d?"};
        for (int i = 0; i < 24; i++) {
            comments.append(comment(id++, String.format(spamTexts[i % 3], i), "spam"));
            comments.append(comment(id++, String.format(hamTexts[i % 3], i), "1"));
        }
        comments.append(comment(id++, "Held for moderation, never decided.", "0"));
        comments.append(comment(id, "Thrown away by the editor.", "trash"));
        Path wxr = dir.resolve("export.xml");
        Files.writeString(wxr, """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Valley Notes</title><link>https://valleynotes.example</link>
                <item><title>Mill Street bridge closes for repairs</title>
                  <link>https://valleynotes.example/bridge/</link><dc:creator>Hanna Roe</dc:creator>
                  <content:encoded><![CDATA[<p>Six weeks of work start Monday.</p>]]></content:encoded>
                  <wp:post_id>7</wp:post_id><wp:post_date_gmt>2026-10-10 09:30:00</wp:post_date_gmt>
                  <wp:post_name>bridge</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
                """ + comments + "</item></channel></rss>\n", StandardCharsets.UTF_8);
        return wxr;
    }

    private static String comment(int id, String text, String approved) {
        return """
                <wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author>Reader %d</wp:comment_author>
                  <wp:comment_author_email>reader%d@example.org</wp:comment_author_email>
                  <wp:comment_author_IP>198.51.100.%d</wp:comment_author_IP>
                  <wp:comment_date_gmt>2026-10-11 10:00:00</wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[%s]]></wp:comment_content>
                  <wp:comment_approved>%s</wp:comment_approved><wp:comment_type>comment</wp:comment_type>
                  <wp:comment_parent>0</wp:comment_parent></wp:comment>
                """.formatted(id, id, id, id % 250, text, approved);
    }
}
