package dev.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching from outside addresses: what is refused, how redirects are followed, what the errors say. */
class FeedFetcherTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private int port;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/chain/") && !path.equals("/chain/0")) {
                // /chain/N redirects N times before the feed.
                int n = Integer.parseInt(path.substring("/chain/".length()));
                exchange.getResponseHeaders().add("Location", "/chain/" + (n - 1));
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/to-loopback")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/ok.xml");
                exchange.sendResponseHeaders(301, -1);
            } else if (path.equals("/to-file")) {
                exchange.getResponseHeaders().add("Location", "file:///etc/passwd");
                exchange.sendResponseHeaders(302, -1);
            } else {
                byte[] body = FeedSourcesTest.RSS.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private static FeedFetcher fetcher(String... allowed) {
        return new FeedFetcher(FetchSettings.defaults().allowing(allowed)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)));
    }

    private static String body(FeedFetcher.Fetched fetched) {
        return new String(fetched.body(), StandardCharsets.UTF_8);
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataAddressesAreRefusedWithoutConnecting() {
        FeedFetcher fetcher = fetcher();
        List<String> urls = List.of(base + "/ok.xml", "http://localhost:" + port + "/ok.xml",
                "http://LocalHost:" + port + "/ok.xml", "http://[::1]:" + port + "/ok.xml",
                "http://0.0.0.0:" + port + "/ok.xml", "http://[::ffff:127.0.0.1]:" + port + "/ok.xml",
                "http://2130706433:" + port + "/ok.xml", "http://10.0.0.1/feed.xml", "http://172.16.5.4/feed.xml",
                "http://192.168.1.1/feed.xml", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/feed.xml",
                "http://[fd00::1]/feed.xml", "http://[fe80::1]/feed.xml", "http://224.0.0.1/feed.xml",
                "http://[::]:" + port + "/ok.xml", "https://127.0.0.1:" + port + "/ok.xml");
        for (String url : urls) {
            assertThatThrownBy(() -> fetcher.get(url, Map.of())).as(url).isInstanceOf(FetchFailed.class)
                    .hasMessage("This address is on a private or local network; Gazette does not fetch those unless"
                            + " its host is named in the setting fetch.allow-hosts (GAZETTE_FETCH_ALLOW_HOSTS).");
        }
        assertThat(requests).as("nothing reached the local server").hasValue(0);
    }

    @Test
    void aClosedPortAndAnOpenOneOnAPrivateAddressCannotBeToldApart() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FeedFetcher fetcher = fetcher();
        String open = message(() -> fetcher.get(base + "/ok.xml", Map.of()));
        String shut = message(() -> fetcher.get("http://127.0.0.1:" + closed + "/ok.xml", Map.of()));
        String unroutable = message(() -> fetcher.get("http://10.255.255.1:81/ok.xml", Map.of()));
        assertThat(shut).isEqualTo(open).isEqualTo(unroutable).contains("private or local network");
    }

    private static String message(ThrowingFetch fetch) {
        try {
            fetch.run();
            return "fetched";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private interface ThrowingFetch {
        void run() throws Exception;
    }

    @Test
    void allowedHostsAreFetchedOnLoopbackAndNoOtherHostIs() throws Exception {
        FeedFetcher fetcher = fetcher("localhost");
        assertThat(body(fetcher.get("http://localhost:" + port + "/ok.xml", Map.of()))).contains("Lighthouse restored");
        assertThatThrownBy(() -> fetcher.get(base + "/ok.xml", Map.of())).hasMessageContaining("private or local network");
    }

    @Test
    void aRedirectFromAnAllowedHostToAPrivateAddressIsRefused() {
        FeedFetcher fetcher = fetcher("localhost");
        assertThatThrownBy(() -> fetcher.get("http://localhost:" + port + "/to-loopback", Map.of()))
                .isInstanceOf(FetchFailed.class).hasMessageContaining("private or local network");
        assertThat(requests).as("only the redirect was asked for").hasValue(1);
    }

    @Test
    void redirectsAreFollowedFiveTimesAtMostAndOnlyToHttp() throws Exception {
        FeedFetcher fetcher = fetcher("localhost");
        assertThat(body(fetcher.get("http://localhost:" + port + "/chain/5", Map.of()))).contains("Lighthouse restored");
        requests.set(0);
        assertThatThrownBy(() -> fetcher.get("http://localhost:" + port + "/chain/6", Map.of()))
                .isInstanceOf(FetchFailed.class).hasMessage("the address redirected more than 5 times");
        assertThat(requests).hasValue(6);
        assertThatThrownBy(() -> fetcher.get("http://localhost:" + port + "/to-file", Map.of()))
                .isInstanceOf(FetchFailed.class).hasMessage("the address redirected to something other than an http or https address");
    }
}
