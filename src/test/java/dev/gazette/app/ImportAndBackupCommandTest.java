package dev.gazette.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            String first = run("import", "feed", url, "--data", data, "--agency", "Local Wire Service");
            assertThat(first).contains("added    Bridge reopens early").contains("1 added, 0 skipped.");
            String second = run("import", "feed", url, "--data", data);
            assertThat(second).contains("skipped  Bridge reopens early — already here").contains("0 added, 1 skipped.");

            Path backup = dir.resolve("copy.db");
            assertThat(run("backup", backup.toString(), "--data", data)).contains("Backed up to");
            try (Database copy = Database.open("jdbc:sqlite:" + backup)) {
                int found = copy.reads().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM article WHERE title = 'Bridge reopens early'").mapTo(Integer.class).one());
                assertThat(found).isEqualTo(1);
            }
            assertThat(Files.size(backup)).isPositive();
        } finally {
            server.stop(0);
        }
    }
}
