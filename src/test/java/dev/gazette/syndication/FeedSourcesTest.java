package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.article.ArticleSearch;
import dev.gazette.article.ArticleStore;
import dev.gazette.article.Articles;
import dev.gazette.article.MarkdownRenderer;
import dev.gazette.store.Database;
import dev.gazette.store.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling agency feeds from a local server: conditional GET, errors in words, backoff, timeouts. */
class FeedSourcesTest {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Coast Wire</title>
            <link>http://c.example</link><description>d</description>
            <item><title>Lighthouse restored</title><link>http://c.example/1</link><guid>c-1</guid></item>
            <item><title>Ferry timetable changes</title><link>http://c.example/2</link><guid>c-2</guid></item>
            </channel></rss>""";
    private HttpServer server;
    private final AtomicInteger notModified = new AtomicInteger();
    private Database db;
    private Articles articles;
    private FeedSources sources;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.createContext("/broken.xml", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/garbage.xml", exchange -> {
            byte[] body = "this is not xml".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/slow.xml", exchange -> {
            try {
                Thread.sleep(2_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/huge.xml", exchange -> {
            byte[] chunk = "<!-- padding padding padding padding padding padding padding padding -->\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, 0);
            for (int written = 0; written < 11_000_000; written += chunk.length) exchange.getResponseBody().write(chunk);
            exchange.close();
        });
        server.createContext("/to-internal.xml", exchange -> {
            // An allowed host that sends Gazette on to an internal feed.
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/ok.xml");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/tells.xml", exchange -> {
            byte[] body = "<internal-admin-key-1234>not a feed</x>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/drip.xml", exchange -> {
            // The headers at once, then the feed a byte at a time: every read is quick, the whole never ends soon.
            byte[] body = (RSS + "<!--" + " ".repeat(200) + "-->").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try {
                for (byte b : body) {
                    exchange.getResponseBody().write(b);
                    exchange.getResponseBody().flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // the reader hung up: what the test wants
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        db = TestDatabases.sqlite();
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        articles = new Articles(new ArticleStore(db), ArticleSearch.of(db), new MarkdownRenderer(), clock, keys -> {});
        sources = new FeedSources(new FeedSourceStore(db), new FeedImporter(articles, clock),
                new FeedFetcher(FetchSettings.defaults().allowing("127.0.0.1").withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30))), clock);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        db.close();
    }

    private FeedSource only() {
        return sources.all().get(0);
    }

    @Test
    void badSourcesAreRefusedWithWhatToFix() {
        var errors = sources.add("ftp://x", "", "", "", "2", true);
        assertThat(errors).containsKeys("url", "poll", "section");
        assertThat(sources.add(base + "/ok.xml", "", "", "World", "30", true)).isEmpty();
        assertThat(sources.add(base + "/ok.xml", "", "", "World", "30", true)).containsEntry("url", "This feed is already a source.");
    }

    @Test
    void pollsAddNewStoriesThenAskOnlyWhetherTheFeedChanged() {
        sources.add(base + "/ok.xml", "", "Coast Wire Service", "World", "30", true);
        assertThat(sources.pollDue()).isEqualTo(2);
        assertThat(articles.published("lighthouse-restored")).hasValueSatisfying(a ->
                assertThat(a.source().orElseThrow().line()).isEqualTo("Source: Lighthouse restored – Coast Wire – Coast Wire Service"));
        assertThat(only().lastAdded()).isEqualTo(2);
        assertThat(only().etag()).isEqualTo("\"v1\"");
        assertThat(sources.pollDue()).as("not due again for 30 minutes").isZero();

        sources.pollSoon(only().id());
        assertThat(sources.pollDue()).isZero();
        assertThat(notModified.get()).isEqualTo(1);
        assertThat(only().failures()).isZero();
    }

    @Test
    void failuresAreKeptInWordsAndWaitLongerEachTime() {
        sources.add(base + "/broken.xml", "", "", "World", "30", true);
        sources.pollDue();
        FeedSource once = only();
        assertThat(once.failures()).isEqualTo(1);
        assertThat(once.lastError()).isEqualTo("the server answered 500");
        assertThat(once.nextPollAt()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        sources.pollSoon(once.id());
        sources.pollDue();
        assertThat(only().nextPollAt()).isEqualTo(Instant.parse("2026-11-20T14:00:00Z"));
    }

    @Test
    void slowAndMalformedFeedsAreReported() {
        sources.add(base + "/slow.xml", "", "", "World", "30", true);
        sources.add(base + "/garbage.xml", "", "", "World", "30", true);
        sources.pollDue();
        assertThat(sources.all().get(0).lastError()).startsWith("no answer within 1 s");
        assertThat(sources.all().get(1).lastError()).startsWith("This is not an RSS or Atom feed Gazette can read");
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void anInternalFeedReachedThroughARedirectIsNotFetched() {
        sources = new FeedSources(new FeedSourceStore(db), new FeedImporter(articles, Clock.systemUTC()),
                new FeedFetcher(FetchSettings.defaults().allowing("localhost")), Clock.systemUTC());
        sources.add("http://localhost:" + server.getAddress().getPort() + "/to-internal.xml", "", "", "World", "30", true);
        sources.pollDue();
        assertThat(only().lastError()).startsWith("This address is on a private or local network");
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void theErrorNeverQuotesWhatTheServerSent() {
        sources.add(base + "/tells.xml", "", "", "World", "30", true);
        sources.pollDue();
        assertThat(only().lastError()).startsWith("This is not an RSS or Atom feed Gazette can read")
                .doesNotContain("internal-admin-key").doesNotContain("text/html");
    }

    @Test
    void aFeedThatDripsIsCutOffByTheTotalLimit() {
        sources = new FeedSources(new FeedSourceStore(db), new FeedImporter(articles, Clock.systemUTC()),
                new FeedFetcher(FetchSettings.defaults().allowing("127.0.0.1")
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1))), Clock.systemUTC());
        sources.add(base + "/drip.xml", "", "", "World", "30", true);
        sources.pollDue();
        assertThat(only().lastError()).isEqualTo("the feed did not arrive in full within 1 s");
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void aHugeFeedIsRefusedNotRead() {
        sources.add(base + "/huge.xml", "", "", "World", "30", true);
        sources.pollDue();
        assertThat(only().lastError()).isEqualTo("the feed is larger than 10 MB");
        assertThat(articles.isEmpty()).isTrue();
    }
}
