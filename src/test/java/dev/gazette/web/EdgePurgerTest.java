package dev.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Purges reach every configured cache as PURGE requests naming the keys, without ever holding up the caller. */
class EdgePurgerTest {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CountDownLatch open = new CountDownLatch(1);
    private HttpServer cache;

    private URI startCache(boolean waitUntilOpen) throws Exception {
        cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cache.createContext("/", exchange -> {
            try {
                if (waitUntilOpen) open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst(EdgePurger.HEADER));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cache.start();
        return URI.create("http://127.0.0.1:" + cache.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        open.countDown();
        if (cache != null) cache.stop(0);
    }

    @Test
    void sendsThePurgeWithItsKeysNowAndAgainLater() throws Exception {
        try (EdgePurger purger = new EdgePurger(List.of(startCache(false)), Duration.ofMillis(200), Clock.systemUTC())) {
            purger.purge(SurrogateKeys.of("article-42", "home"));
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("PURGE article-42 home");
            assertThat(received.poll(10, TimeUnit.SECONDS)).as("sent again for pages fetched meanwhile")
                    .isEqualTo("PURGE article-42 home");
        }
    }

    @Test
    void aStuckCacheNeverHoldsUpTheCallerAndMissedPurgesBecomeOnePurgeOfEverything() throws Exception {
        try (EdgePurger purger = new EdgePurger(List.of(startCache(true)), Duration.ofMinutes(10), Clock.systemUTC())) {
            // Far more changes than the queue holds, while the cache does not answer: each call returns at once.
            for (int i = 0; i < 5_000; i++) purger.purge(SurrogateKeys.of("article-" + i));
            open.countDown();
            String last = null;
            for (String r = received.poll(10, TimeUnit.SECONDS); r != null; r = received.poll(2, TimeUnit.SECONDS)) {
                last = r;
            }
            assertThat(last).as("no purge lost: the overflow purged everything").isEqualTo("PURGE site");
        }
    }

    @Test
    void longKeyListsAreSplitIntoHeadersACacheAccepts() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 2_000; i++) keys.add("article-" + i);
        List<String> headers = EdgePurger.headers(keys);
        assertThat(headers).hasSizeGreaterThan(1).allMatch(h -> h.length() <= 4_000);
        assertThat(String.join(" ", headers).split(" ")).hasSize(2_000);
    }
}
